import { type Client, WithStartWorkflowOperation } from '@temporalio/client';
import { BASELINE_TASK_QUEUE, insertRowUpdate } from './baseline.messages';
import type { minimalUpdateWorkflow, timerInsertWorkflow } from './baseline.workflows';

/** B1's raw baseline call: update-with-start of the minimal workflow, as ours is started. */
export function startMinimal(client: Client, id: string): Promise<void> {
  const startWorkflowOperation = new WithStartWorkflowOperation<typeof minimalUpdateWorkflow>('minimalUpdateWorkflow', {
    workflowId: id,
    taskQueue: BASELINE_TASK_QUEUE,
    args: [],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return client.workflow.executeUpdateWithStart(insertRowUpdate, { args: [id], startWorkflowOperation });
}

/** B3's raw baseline: a workflow with one timer to `dueAt`, then its INSERT. */
export async function startTimer(client: Client, id: string, dueAt: string): Promise<void> {
  await client.workflow.start<typeof timerInsertWorkflow>('timerInsertWorkflow', { workflowId: id, taskQueue: BASELINE_TASK_QUEUE, args: [id, dueAt] });
}
