import { defineUpdate } from '@temporalio/workflow';

/** The baseline workflows' own task queue in the run's namespace. */
export const BASELINE_TASK_QUEUE = 'polku-bench-baseline';

/** B1's raw update: write one row, answer. */
export const insertRowUpdate = defineUpdate<void, [string]>('insertRow');

export interface BaselineActivities {
  /** One INSERT of one row: the least an update that records something can do. */
  insertRow(id: string): Promise<void>;
  /** One INSERT of a firing with its due instant; the row's time is the firing's. */
  insertFiring(id: string, dueAt: string): Promise<void>;
}
