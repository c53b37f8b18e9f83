-- Read models for the staff API (ARCHITECTURE.md "The read side"), written only by
-- @polku/projections. Every column is derived from recorded events (never now()), so a rebuild
-- from the event store produces identical rows. `version` is the stream version of the last
-- event a row took in: re-applying an older or equal event changes nothing (idempotence).

-- Where each projection stands in the global log; moves in the same transaction as its rows.
CREATE TABLE projection_checkpoints (
  name            text         PRIMARY KEY,
  transaction_id  xid8         NOT NULL,
  position        bigint       NOT NULL,
  updated_at      timestamptz  NOT NULL DEFAULT now()
);

-- Recorded events a projection could not take in (bad data of a known type): kept, not thrown.
CREATE TABLE projection_parked (
  name        text         NOT NULL,
  event_id    uuid         NOT NULL,
  event_type  text         NOT NULL,
  reason      text         NOT NULL,
  parked_at   timestamptz  NOT NULL DEFAULT now(),
  PRIMARY KEY (name, event_id)
);

CREATE TABLE path_summaries (
  path_id            text         PRIMARY KEY,
  client_reference   text         NOT NULL,
  employment_area    text         NOT NULL,
  municipality       text         NOT NULL,
  coach_id           text         NOT NULL,
  status             text         NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'EXITED')),
  stage              text         NOT NULL,
  registered_on      date         NOT NULL,
  interview_held_on  date,
  exited_on          date,
  outcome            text,
  goal_attained      boolean,
  version            integer      NOT NULL,
  updated_at         timestamptz  NOT NULL
);
CREATE INDEX path_summaries_by_coach ON path_summaries (employment_area, coach_id, status);

-- A view, not a table: it cannot drift from the summaries. Caseload = paths not exited.
CREATE VIEW coach_caseloads AS
  SELECT employment_area, coach_id,
         count(*) FILTER (WHERE status = 'ACTIVE') AS active,
         count(*) FILTER (WHERE status = 'PAUSED') AS paused,
         count(*) AS caseload
    FROM path_summaries
   WHERE status <> 'EXITED'
   GROUP BY employment_area, coach_id;

CREATE TABLE deadlines (
  path_id        text         NOT NULL,
  item_id        text         NOT NULL,
  rule           text         NOT NULL,
  kind           text         NOT NULL,
  subject        text         NOT NULL,
  due_on         date         NOT NULL,
  due_at         timestamptz  NOT NULL,
  notify         text         NOT NULL,
  status         text         NOT NULL CHECK (status IN ('PENDING', 'FIRED', 'CANCELLED')),
  fired_at       timestamptz,
  fired_by       text,
  cancel_reason  text,
  version        integer      NOT NULL,
  PRIMARY KEY (path_id, item_id)
);
CREATE INDEX deadlines_pending ON deadlines (due_at) WHERE status = 'PENDING';

CREATE VIEW upcoming_deadlines AS
  SELECT d.*, p.employment_area, p.municipality, p.coach_id
    FROM deadlines d JOIN path_summaries p USING (path_id)
   WHERE d.status = 'PENDING' AND p.status <> 'EXITED';

-- Overdue: a deadline that fired (DeadlineMissed), or one still pending past its instant
-- (its timer is late); only on paths still open. now() is fine here: views are not rebuilt.
CREATE VIEW overdue_deadlines AS
  SELECT d.*, p.employment_area, p.municipality, p.coach_id
    FROM deadlines d JOIN path_summaries p USING (path_id)
   WHERE d.kind = 'DEADLINE' AND p.status <> 'EXITED'
     AND (d.status = 'FIRED' OR (d.status = 'PENDING' AND d.due_at < now()));

-- One row per path with the dates the outcome KPIs (DOMAIN.md) are computed from.
-- A reopened path clears its exit: the KPIs count its latest exit only.
CREATE TABLE kpi_path_facts (
  path_id            text     PRIMARY KEY,
  employment_area    text     NOT NULL,
  municipality       text     NOT NULL,
  registered_on      date     NOT NULL,
  interview_held_on  date,
  interview_due_on   date,
  plan_recorded_on   date,
  exited_on          date,
  outcome            text,
  goal_attained      boolean,
  follow_up_3        boolean,
  follow_up_6        boolean,
  version            integer  NOT NULL
);

-- Each path once per calendar month it was served: from its registration month to its exit
-- month (or the current month while open).
CREATE VIEW kpi_path_months AS
  SELECT f.*, m::date AS month, (m + interval '1 month' - interval '1 day')::date AS month_end
    FROM kpi_path_facts f
   CROSS JOIN LATERAL generate_series(
     date_trunc('month', f.registered_on),
     date_trunc('month', COALESCE(f.exited_on, GREATEST(current_date, f.registered_on))),
     interval '1 month') AS m;

-- Interviews and follow-ups count in the month they fall due / the month of the exit.
CREATE VIEW kpi_monthly AS
  WITH counts AS (
    SELECT employment_area, municipality, month,
           count(*) AS clients_served,
           count(*) FILTER (WHERE date_trunc('month', registered_on)::date = month) AS new_clients,
           count(*) FILTER (WHERE exited_on IS NULL OR exited_on > month_end) AS active_paths,
           count(*) FILTER (WHERE date_trunc('month', exited_on)::date = month) AS exits,
           count(*) FILTER (WHERE date_trunc('month', exited_on)::date = month AND goal_attained) AS goal_attained_exits,
           count(*) FILTER (WHERE date_trunc('month', interview_due_on)::date = month) AS interviews_due,
           count(*) FILTER (WHERE date_trunc('month', interview_due_on)::date = month AND interview_held_on <= interview_due_on) AS interviews_on_time,
           round(avg(plan_recorded_on - registered_on) FILTER (WHERE date_trunc('month', plan_recorded_on)::date = month), 1) AS avg_days_to_plan,
           count(follow_up_3) FILTER (WHERE date_trunc('month', exited_on)::date = month) AS follow_ups_3,
           count(*) FILTER (WHERE date_trunc('month', exited_on)::date = month AND follow_up_3) AS in_work_at_3,
           count(follow_up_6) FILTER (WHERE date_trunc('month', exited_on)::date = month) AS follow_ups_6,
           count(*) FILTER (WHERE date_trunc('month', exited_on)::date = month AND follow_up_6) AS in_work_at_6
      FROM kpi_path_months
     GROUP BY employment_area, municipality, month)
  SELECT *,
         round(goal_attained_exits::numeric / NULLIF(clients_served, 0), 4) AS goal_attained_share,
         round(interviews_on_time::numeric / NULLIF(interviews_due, 0), 4) AS interview_on_time_share,
         round(in_work_at_3::numeric / NULLIF(follow_ups_3, 0), 4) AS in_work_share_3,
         round(in_work_at_6::numeric / NULLIF(follow_ups_6, 0), 4) AS in_work_share_6
    FROM counts;

CREATE VIEW kpi_exits_by_outcome AS
  SELECT employment_area, municipality, date_trunc('month', exited_on)::date AS month, outcome, count(*) AS exits
    FROM kpi_path_facts
   WHERE exited_on IS NOT NULL
   GROUP BY employment_area, municipality, date_trunc('month', exited_on)::date, outcome;
