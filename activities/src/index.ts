export { eventIdFor } from './event-id';
export { createPathActivities, type PathActivityDeps } from './path.activities';
