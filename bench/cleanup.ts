import { pathWorkflowId } from '@polku/contracts';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { Deadline, type Outcome, runConcurrently } from './limits';
import { pathIdPrefix } from './phases';

const TERMINATE_TIMEOUT_MS = 10_000;
const SWEEPS = 3;

/** `ok` includes workflows that were already closed (or never started); `terminated` only real ones. */
export type Terminated = Outcome & { readonly terminated: number };

/** Paths never end on their own (they wait for staff): terminate the ones a phase started. */
export function terminatePaths(client: Client, runId: string, phase: 'start' | 'fire', n: number, concurrency: number, budgetMs: number): Promise<Terminated> {
  const prefix = pathIdPrefix(runId, phase);
  const deadline = new Deadline(budgetMs, `terminating the ${phase} paths`);
  return terminate(client, deadline, concurrency, Array.from({ length: n }, (_, i) => pathWorkflowId(`${prefix}${i}`))).finally(() => deadline.clear());
}

/** Whatever still runs on the run's own task queues (e.g. baselines after a timeout); bounded passes. */
export async function sweepTaskQueues(client: Client, taskQueues: readonly string[], maxWorkflows: number, concurrency: number, budgetMs: number): Promise<number> {
  const onQueues = taskQueues.map((queue) => `TaskQueue = '${queue}'`).join(' OR ');
  const deadline = new Deadline(budgetMs, 'the final sweep');
  let terminated = 0;
  try {
    for (let pass = 0; pass < SWEEPS && !deadline.abortedBecause; pass++) {
      const ids: string[] = [];
      const list = async (): Promise<void> => {
        for await (const info of client.workflow.list({ query: `(${onQueues}) AND ExecutionStatus = 'Running'`, pageSize: 1_000 })) {
          ids.push(info.workflowId);
          if (ids.length >= maxWorkflows) break;
        }
      };
      await deadline.race(client.withAbortSignal(deadline.signal, list));
      if (ids.length === 0) break;
      terminated += (await terminate(client, deadline, concurrency, ids)).terminated;
    }
  } finally {
    deadline.clear();
  }
  return terminated;
}

async function terminate(client: Client, deadline: Deadline, concurrency: number, workflowIds: readonly string[]): Promise<Terminated> {
  let terminated = 0;
  const outcome = await client.withAbortSignal(deadline.signal, () =>
    runConcurrently(workflowIds.length, concurrency, deadline, TERMINATE_TIMEOUT_MS, async (i) => {
      try {
        await client.workflow.getHandle(workflowIds[i] ?? '').terminate('bench:paths cleanup');
        terminated++;
      } catch (error) {
        // Never started, or already closed (visibility lags behind: a "running" one may have closed).
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    }),
  );
  return { ...outcome, terminated };
}

/**
 * The run's rows in the event store (and its outbox, where migrated), active-path index and
 * notifications, in one transaction; other data is untouched.
 */
export async function deleteBenchRows(db: Pool, runId: string): Promise<number> {
  const pattern = `bench-${runId}-%`;
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ outbox: boolean }>("SELECT to_regclass('outbox') IS NOT NULL AS outbox");
    if (rows[0]?.outbox) await client.query('DELETE FROM outbox WHERE stream_id LIKE $1', [pattern]);
    const events = await client.query('DELETE FROM events WHERE stream_id LIKE $1', [pattern]);
    await client.query('DELETE FROM client_active_paths WHERE path_id LIKE $1', [pattern]);
    await client.query('DELETE FROM notifications WHERE path_id LIKE $1', [pattern]);
    await client.query('COMMIT');
    return events.rowCount ?? 0;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
