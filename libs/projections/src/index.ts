export { deadlinesProjection } from './deadlines.projection';
export { kpiPathFactsProjection } from './kpi-path-facts.projection';
export { kpiRehabDaysProjection } from './kpi-rehab-days.projection';
export { pathSummaryProjection } from './path-summary.projection';
export { ProjectionDataError, type ProjectedEvent, type Projection } from './projection-contract';
export { catchUp, type ProjectionLog, type RunOptions } from './projection-runner';
export { PROJECTIONS } from './all-projections';
export { rebuild } from './rebuild';
export { startProjections, type ProjectionsHandle, type StartProjectionsOptions } from './start-projections';
