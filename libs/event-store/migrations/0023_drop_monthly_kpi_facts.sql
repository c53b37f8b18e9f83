-- The monthly KPI facts (0004, 0016) were replaced by the versioned facts of 0020: no projection
-- feeds them and no query reads them since then (their checkpoint went in 0022). Dead tables
-- still hold client references, so they go rather than wait.
DROP VIEW IF EXISTS kpi_job_search_discussions;
DROP VIEW IF EXISTS kpi_exits_by_outcome;
DROP VIEW IF EXISTS kpi_monthly;
DROP VIEW IF EXISTS kpi_path_months;
DROP TABLE IF EXISTS kpi_path_facts;
