export { createPathActivities, type PathActivityDeps } from './path.activities';
export { createServicePathActivities, type ServicePathActivityDeps } from './service-path.activities';
