-- The current versions of kpi_fact_versions in a table of their own (docs/reporting.md, "Speed").
-- A KPI answer as things stand now reads only these: in kpi_fact_versions the current versions
-- are interleaved with every earlier one (a path's history is written beside its current facts),
-- so a period query read four times the pages it needed. The history stays where it is, for
-- answers as of a past date.
--
-- The table follows kpi_fact_versions by trigger, in the same transaction as the projection's
-- write, so the two can never disagree and the projection's code is unchanged: a version opened
-- current replaces the path's row here, a current version closed removes it, a truncate (the
-- projection's rebuild) empties it. The triggers do not depend on the order in which one
-- statement closes the old version and opens the new one.
-- The same columns in the same order as kpi_fact_versions (recorded_until is always null here):
-- a column added there must be added here in the same migration.
CREATE TABLE kpi_current_facts AS SELECT * FROM kpi_fact_versions WHERE recorded_until IS NULL;
ALTER TABLE kpi_current_facts ADD PRIMARY KEY (path_id);
ALTER TABLE kpi_current_facts ADD CHECK (recorded_until IS NULL);
ALTER TABLE kpi_current_facts ALTER COLUMN multisectoral_on SET DEFAULT '{}', ALTER COLUMN discussions_on_time SET DEFAULT '{}',
  ALTER COLUMN discussions_missed SET DEFAULT '{}', ALTER COLUMN shared_client SET DEFAULT false;
CREATE INDEX kpi_current_facts_area ON kpi_current_facts (employment_area);
CREATE INDEX kpi_current_facts_shared ON kpi_current_facts (employment_area) WHERE shared_client;

CREATE FUNCTION kpi_current_facts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.recorded_until IS NULL THEN
    DELETE FROM kpi_current_facts WHERE path_id = OLD.path_id AND recorded_from = OLD.recorded_from;
  END IF;
  IF NEW.recorded_until IS NULL THEN
    DELETE FROM kpi_current_facts WHERE path_id = NEW.path_id;
    INSERT INTO kpi_current_facts SELECT NEW.*;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER kpi_current_facts_follow AFTER INSERT OR UPDATE ON kpi_fact_versions FOR EACH ROW EXECUTE FUNCTION kpi_current_facts_follow();

CREATE FUNCTION kpi_current_facts_empty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM kpi_current_facts;
  RETURN NULL;
END $$;
CREATE TRIGGER kpi_current_facts_empty AFTER TRUNCATE ON kpi_fact_versions FOR EACH STATEMENT EXECUTE FUNCTION kpi_current_facts_empty();
-- A DELETE of versions (erasure) removes the current row with them.
CREATE FUNCTION kpi_current_facts_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM kpi_current_facts WHERE path_id = OLD.path_id AND recorded_from = OLD.recorded_from;
  RETURN NULL;
END $$;
CREATE TRIGGER kpi_current_facts_forget AFTER DELETE ON kpi_fact_versions FOR EACH ROW EXECUTE FUNCTION kpi_current_facts_forget();

-- How many of the dates fall in [from_on, to_on]: the settled discussions of a period, as a
-- PARALLEL SAFE function so that the KPI query (apps/api kpi-period.query.ts) can run in parallel
-- workers (a subquery per row would keep it in one process).
CREATE FUNCTION kpi_dates_within(dates date[], from_on date, to_on date) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT count(*)::integer FROM unnest(dates) AS due WHERE due BETWEEN from_on AND to_on $$;
GRANT EXECUTE ON FUNCTION kpi_dates_within(date[], date, date) TO polku_api;

-- The triggers run as the writer of kpi_fact_versions (the relay's projections), on the table
-- its search path names (a test's own schema included): it needs the rights to follow.
GRANT SELECT ON kpi_current_facts TO polku_api;
GRANT SELECT, INSERT, DELETE ON kpi_current_facts TO polku_relay;
ANALYZE kpi_current_facts;
