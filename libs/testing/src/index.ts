export { eventually } from './eventually';
export { createTimeSkippingEnv } from './time-skipping';
export { pathStartEvents } from './path-events';
