import { WORKING_DAYS_A_WEEK } from '../calendar';

/**
 * What holds for the schedule of any service whatever the policy: it runs on 1 to 5 working days
 * a week and for part of a day. A policy narrows these per service (a work trial 4–8 hours, 1–5
 * days), and only the decider knows a path's policy: the edge (API bodies, published schemas)
 * can say just these.
 */
export const SERVICE_DAYS_A_WEEK: readonly [number, number] = [1, WORKING_DAYS_A_WEEK];
export const HOURS_A_DAY = 24;
/** A subsidised job's working time as a share of full time, in whole percent: some, at most all. */
export const WORKING_TIME_PERCENT: readonly [number, number] = [1, 100];
