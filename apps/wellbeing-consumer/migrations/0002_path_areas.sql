-- The employment area of each path the county has heard of. The wellbeing topic names it on the
-- first events it may get about a path (PathStarted, a referral, a consent); the read endpoints
-- show a wellbeing professional only the rows of paths in their token's employment area, and a
-- row whose path has no known area to nobody. Filled for earlier events by a rebuild.
CREATE TABLE path_areas (
  path_id text PRIMARY KEY,
  employment_area text NOT NULL
);

CREATE INDEX path_areas_by_area ON path_areas (employment_area);
CREATE INDEX rehab_periods_by_path ON rehab_periods (path_id);
