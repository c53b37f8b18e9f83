export { createServicePathActivities, type ServicePathActivityDeps } from './service-path.activities';
