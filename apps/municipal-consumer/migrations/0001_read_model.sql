-- Unqualified names: the consumer's pool sets search_path to its own schema (`municipal`).
CREATE TABLE processed_events (
  event_id uuid PRIMARY KEY,
  processed_at timestamptz NOT NULL DEFAULT now()
);

-- One row per path, as the municipal topic tells it. last_sequence is the stream version of the
-- latest event applied: anything at or below it is a replay or out of order and is ignored.
CREATE TABLE paths (
  path_id text PRIMARY KEY,
  employment_area text NOT NULL,
  municipality text NOT NULL,
  stage text NOT NULL,
  status text NOT NULL,
  registered_on date NOT NULL,
  exited_on date,
  outcome_category text,
  goal_attained boolean,
  last_sequence integer NOT NULL
);

CREATE INDEX paths_by_area_status ON paths (employment_area, status);
