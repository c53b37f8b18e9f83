import { sleep } from '@temporalio/workflow';

/** The server's floor for a workflow start: nothing to do. */
export async function emptyWorkflow(): Promise<void> {
  return;
}

/** The server's floor for a timer firing: one durable timer, then done. */
export async function oneTimerWorkflow(ms: number): Promise<void> {
  await sleep(ms);
}
