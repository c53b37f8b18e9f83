-- On-time share of job-search discussions (DOMAIN.md "Outcome KPIs"), per area, municipality and
-- the month the discussion was due. A discussion counts once its deadline is settled: held in time
-- (the deadline was cancelled because the discussion was held) or missed (the deadline fired).
-- Deadlines cancelled for other reasons (the path exited, paused items moved) do not count.
CREATE VIEW kpi_job_search_discussions AS
  WITH settled AS (
    SELECT s.employment_area, s.municipality, date_trunc('month', d.due_on)::date AS month,
           (d.status = 'CANCELLED') AS held_on_time
      FROM deadlines d
      JOIN path_summaries s USING (path_id)
     WHERE d.rule = 'JOB-SEARCH-DISCUSSION' AND d.kind = 'DEADLINE'
       AND (d.status = 'FIRED' OR (d.status = 'CANCELLED' AND d.cancel_reason = 'job-search discussion held')))
  SELECT employment_area, municipality, month,
         count(*) AS discussions_due,
         count(*) FILTER (WHERE held_on_time) AS held_on_time,
         round(count(*) FILTER (WHERE held_on_time)::numeric / count(*), 4) AS on_time_share
    FROM settled
   GROUP BY employment_area, municipality, month;
