import { condition, proxyLocalActivities, setHandler, sleep } from '@temporalio/workflow';
import { type BaselineActivities, insertRowUpdate } from './baseline.messages';

/**
 * The raw baselines: as little as Temporal and PostgreSQL need to do what a path does, run by a
 * worker with the same settings and data converter as ours, on the same server and database.
 * Timeouts mirror a store call's: short transactions.
 */
const { insertRow, insertFiring } = proxyLocalActivities<BaselineActivities>({ startToCloseTimeout: '30 seconds' });

/**
 * B1: started by update-with-start; the update runs one local activity doing one INSERT. It then
 * stays open, as a path does, so the worker caches as many workflows on either side.
 */
export async function minimalUpdateWorkflow(): Promise<void> {
  setHandler(insertRowUpdate, (id) => insertRow(id));
  await condition(() => false);
}

/** B3: one durable timer to the shared due instant, then one local-activity INSERT of the firing. */
export async function timerInsertWorkflow(id: string, dueAt: string): Promise<void> {
  const wait = Date.parse(dueAt) - Date.now();
  if (wait > 0) await sleep(wait);
  await insertFiring(id, dueAt);
}
