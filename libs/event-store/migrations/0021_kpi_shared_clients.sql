-- Counting distinct clients over a period sorts every row for each count(DISTINCT …). Only a
-- client with more than one path can be counted twice, so each fact version says whether its
-- client had another path when it was recorded (`shared_client`): the KPI query counts the other
-- clients by plain sums in one hash aggregate and applies DISTINCT to the shared ones only
-- (docs/reporting.md, "Speed"). The projection rebuilds the table from the log to fill it.
ALTER TABLE kpi_fact_versions ADD COLUMN shared_client boolean NOT NULL DEFAULT false;
-- The shared clients' current facts of an area, and a client's current paths (set when a client gets a second path).
CREATE INDEX kpi_fact_versions_current_shared ON kpi_fact_versions (employment_area) WHERE recorded_until IS NULL AND shared_client;
CREATE INDEX kpi_fact_versions_current_client ON kpi_fact_versions (client_reference) WHERE recorded_until IS NULL;
TRUNCATE kpi_fact_versions;
DELETE FROM projection_checkpoints WHERE name = 'kpi-fact-versions';
DELETE FROM projection_parked WHERE name = 'kpi-fact-versions';
