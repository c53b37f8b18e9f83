-- Unqualified names: the consumer's pool sets search_path to its own schema (`wellbeing`).
CREATE TABLE processed_events (
  event_id uuid PRIMARY KEY,
  processed_at timestamptz NOT NULL DEFAULT now()
);

-- A referral is open until the path exits or, for a consent-based one, the consent ends.
CREATE TABLE referrals (
  referral_id text PRIMARY KEY,
  path_id text NOT NULL,
  service text NOT NULL,
  legal_basis text NOT NULL,
  referred_on date NOT NULL,
  work_capacity_limitation boolean,
  closed_on date,
  closed_because text
);

CREATE INDEX referrals_open_by_path ON referrals (path_id) WHERE closed_on IS NULL;

-- Rehabilitative work activity periods (the only side service the wellbeing topic carries).
CREATE TABLE rehab_periods (
  service_id text PRIMARY KEY,
  path_id text NOT NULL,
  start_on date NOT NULL,
  planned_end_on date NOT NULL,
  ended_on date,
  days_per_week integer,
  hours_per_day numeric,
  review_on date
);
