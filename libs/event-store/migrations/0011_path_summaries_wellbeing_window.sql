-- The days a path may be shared with the wellbeing county (the domain's wellbeingSharingWindow):
-- from the first day, until the first day it may not (NULL: open-ended). Staff lists and
-- notifications of wellbeing-county staff filter on it, so a list never shows a path whose page
-- would answer 404. The projection is rebuilt from the log to fill it for existing paths.
ALTER TABLE path_summaries ADD COLUMN wellbeing_shared_from date, ADD COLUMN wellbeing_shared_until date;
TRUNCATE path_summaries;
DELETE FROM projection_checkpoints WHERE name = 'path-summaries';
DELETE FROM projection_parked WHERE name = 'path-summaries';
