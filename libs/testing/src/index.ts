export { eventually } from './eventually';
export { createTimeSkippingEnv } from './time-skipping';
