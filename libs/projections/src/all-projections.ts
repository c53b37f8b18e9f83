import { deadlinesProjection } from './deadlines.projection';
import { kpiPathFactsProjection } from './kpi-path-facts.projection';
import { kpiRehabDaysProjection } from './kpi-rehab-days.projection';
import { pathSummaryProjection } from './path-summary.projection';
import type { Projection } from './projection-contract';

/** Every projection the staff API reads; the live runner and the rebuild use this list. */
export const PROJECTIONS: readonly Projection[] = [pathSummaryProjection, deadlinesProjection, kpiPathFactsProjection, kpiRehabDaysProjection];
