-- KPIs over any period (docs/reporting.md): the facts of each path as versions in recording
-- time, so a KPI answer counts distinct clients over arbitrary dates and can be recomputed as of
-- a past date (events recorded up to it). A version holds from `recorded_from` (the recording
-- instant of the event that made it) until `recorded_until` (of the next one); the current
-- version has none. Every column is derived from recorded events (never now()), so a rebuild
-- produces identical rows. `version` is the stream version of the last event a row took in.
-- Expand only: kpi_path_facts and its monthly views stay until every relay runs the projection
-- that feeds this table (a later migration drops them); the API no longer reads them.
CREATE TABLE kpi_fact_versions (
  path_id              text            NOT NULL,
  recorded_from        timestamptz     NOT NULL,
  recorded_until       timestamptz,
  version              integer         NOT NULL,
  client_reference     text            NOT NULL,
  employment_area      text            NOT NULL,
  municipality         text            NOT NULL,
  referral_source      text            NOT NULL,
  age_band             text,
  registered_on        date            NOT NULL,
  -- The days the path was open (registration to exit; a reopening adds a range).
  served               datemultirange  NOT NULL,
  -- Days of a multisectoral screening or a referral on the multisectoral-support basis.
  multisectoral_on     datemultirange  NOT NULL DEFAULT '{}',
  interview_due_on     date,
  interview_held_on    date,
  plan_recorded_on     date,
  exited_on            date,
  outcome              text,
  goal_attained        boolean,
  follow_up_3          boolean,
  follow_up_6          boolean,
  -- The pending job-search discussion deadline, and the due dates of those settled.
  discussion_due_on    date,
  discussions_on_time  date[]          NOT NULL DEFAULT '{}',
  discussions_missed   date[]          NOT NULL DEFAULT '{}',
  PRIMARY KEY (path_id, recorded_from),
  CHECK (recorded_until IS NULL OR recorded_until > recorded_from)
);
CREATE UNIQUE INDEX kpi_fact_versions_current ON kpi_fact_versions (path_id) WHERE recorded_until IS NULL;
-- The period query reads the current versions of one area whose open days overlap the period.
CREATE INDEX kpi_fact_versions_current_served ON kpi_fact_versions USING gist (served) WHERE recorded_until IS NULL;
CREATE INDEX kpi_fact_versions_current_area ON kpi_fact_versions (employment_area) WHERE recorded_until IS NULL;
-- An answer as of a past instant reads the versions in force then.
CREATE INDEX kpi_fact_versions_as_of ON kpi_fact_versions (employment_area, recorded_from);

-- Realised days of rehabilitative work activity per period (service) and month, versioned the
-- same way: a later record of a month replaces it from its recording instant on.
CREATE TABLE kpi_rehab_day_versions (
  path_id         text         NOT NULL,
  service_id      text         NOT NULL,
  month           date         NOT NULL CHECK (extract(day FROM month) = 1),
  recorded_from   timestamptz  NOT NULL,
  recorded_until  timestamptz,
  version         integer      NOT NULL,
  realised_days   integer      NOT NULL CHECK (realised_days BETWEEN 0 AND 31),
  PRIMARY KEY (path_id, service_id, month, recorded_from),
  CHECK (recorded_until IS NULL OR recorded_until > recorded_from)
);
CREATE UNIQUE INDEX kpi_rehab_day_versions_current ON kpi_rehab_day_versions (path_id, service_id, month) WHERE recorded_until IS NULL;
CREATE INDEX kpi_rehab_day_versions_month ON kpi_rehab_day_versions (month);

GRANT SELECT ON kpi_fact_versions, kpi_rehab_day_versions TO polku_api;
GRANT SELECT, INSERT, UPDATE ON kpi_fact_versions, kpi_rehab_day_versions TO polku_relay;
