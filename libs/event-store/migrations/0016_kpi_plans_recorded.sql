-- KPI answers suppress small cells (docs/erasure.md, "Statistics"): the average days from
-- registration to plan is shown only when enough plans stand behind it, so the view now counts
-- them too. The same view as in 0004 with one column appended (all CREATE OR REPLACE allows).
CREATE OR REPLACE VIEW kpi_monthly AS
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
           count(*) FILTER (WHERE date_trunc('month', exited_on)::date = month AND follow_up_6) AS in_work_at_6,
           count(*) FILTER (WHERE date_trunc('month', plan_recorded_on)::date = month) AS plans_recorded
      FROM kpi_path_months
     GROUP BY employment_area, municipality, month)
  SELECT employment_area, municipality, month, clients_served, new_clients, active_paths, exits, goal_attained_exits,
         interviews_due, interviews_on_time, avg_days_to_plan, follow_ups_3, in_work_at_3, follow_ups_6, in_work_at_6,
         round(goal_attained_exits::numeric / NULLIF(clients_served, 0), 4) AS goal_attained_share,
         round(interviews_on_time::numeric / NULLIF(interviews_due, 0), 4) AS interview_on_time_share,
         round(in_work_at_3::numeric / NULLIF(follow_ups_3, 0), 4) AS in_work_share_3,
         round(in_work_at_6::numeric / NULLIF(follow_ups_6, 0), 4) AS in_work_share_6,
         plans_recorded
    FROM counts;
