import { applyPathCommandUpdate, pathWorkflowId } from '@polku/contracts';
import type { servicePathWorkflow } from '@polku/workflows';
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { emptyWorkflow, oneTimerWorkflow } from './baseline.workflows';
import { type Deadline, type Outcome, runConcurrently, sleepMs } from './limits';
import { type BenchOptions, drillPolicy, percentile, startPathCommand } from './support';

const TIMER_MS = 2_000;
const POLL_EVERY_MS = 250;
/** One start (with its Update) may take this long before it counts as failed. */
const TASK_TIMEOUT_MS = 120_000;
/** A wait for completions or firings gives up when its count has not moved for this long. */
const STALLED_AFTER_MS = 90_000;

export interface BenchContext {
  readonly client: Client;
  readonly db: Pool;
  readonly runId: string;
  /** Our workflows and the baselines each have a queue (and a worker) of their own. */
  readonly taskQueues: { readonly paths: string; readonly baseline: string };
  readonly options: BenchOptions;
  readonly deadline: Deadline;
  readonly progress: (message: string) => void;
}

export interface Rate extends Outcome {
  readonly perSecond: number;
  readonly seconds: number;
  /** False when the run was cut short: the figure covers only what finished. */
  readonly complete: boolean;
  /** Firing delay beyond the 2 s timer, ms: p50, p99, max. */
  readonly delayMs?: readonly [number, number, number];
  /** Baseline starts only: from the first start until every empty workflow had completed. */
  readonly completedPerSecond?: number;
  /** Path firings only: staff notifications stored for them. */
  readonly notified?: number;
}

export const pathIdPrefix = (runId: string, phase: 'start' | 'fire'): string => `bench-${runId}-${phase}-`;

/** Baseline: bare `client.workflow.start` of a workflow that does nothing. */
export async function baselineStarts(ctx: BenchContext): Promise<Rate> {
  const t0 = Date.now();
  const outcome = await runConcurrently(ctx.options.n, ctx.options.concurrency, ctx.deadline, TASK_TIMEOUT_MS, async (i) => {
    await ctx.client.workflow.start<typeof emptyWorkflow>('emptyWorkflow', { taskQueue: ctx.taskQueues.baseline, workflowId: `bench-${ctx.runId}-empty-${i}`, args: [] });
  });
  const started = Date.now() - t0;
  // Let the worker drain them before the next phase, so the paths do not queue behind them.
  const closed = await awaitCompleted(ctx, 'emptyWorkflow', outcome.ok);
  const lastClose = Math.max(...closed.map((info) => info.closeMs));
  return {
    ...rate(outcome, started, outcome.ok === ctx.options.n),
    ...(closed.length > 0 ? { completedPerSecond: closed.length / ((lastClose - t0) / 1000) } : {}),
  };
}

/** Ours: a path counts as started once its StartPath event is in the store (the Update's reply). */
export async function pathStarts(ctx: BenchContext): Promise<Rate> {
  const t0 = Date.now();
  const outcome = await startPaths(ctx, 'start', undefined);
  return rate(outcome, Date.now() - t0, outcome.ok === ctx.options.n);
}

/** Baseline: N one-timer workflows; first start → last completion. */
export async function baselineFirings(ctx: BenchContext): Promise<Rate> {
  const t0 = Date.now();
  const outcome = await runConcurrently(ctx.options.n, ctx.options.concurrency, ctx.deadline, TASK_TIMEOUT_MS, async (i) => {
    await ctx.client.workflow.start<typeof oneTimerWorkflow>('oneTimerWorkflow', { taskQueue: ctx.taskQueues.baseline, workflowId: `bench-${ctx.runId}-timer-${i}`, args: [TIMER_MS] });
  });
  const closed = await awaitCompleted(ctx, 'oneTimerWorkflow', outcome.ok);
  const lastClose = closed.length > 0 ? Math.max(...closed.map((info) => info.closeMs)) : Date.now();
  const delays = closed.map((info) => info.closeMs - info.startMs - TIMER_MS);
  return { ...rate({ ...outcome, ok: closed.length }, lastClose - t0, closed.length === ctx.options.n), ...delay(delays) };
}

/** Ours: N paths whose only item is due 2 s after the start; first start → last DeadlineMissed stored. */
export async function pathFirings(ctx: BenchContext): Promise<Rate> {
  const t0 = Date.now();
  const outcome = await startPaths(ctx, 'fire', [drillPolicy()]);
  const pattern = `${pathIdPrefix(ctx.runId, 'fire')}%`;
  const count = async (sql: string): Promise<number> => (await ctx.db.query<{ n: number }>(sql, [pattern])).rows[0]?.n ?? 0;
  const fired = await awaitCount(ctx, 'DeadlineMissed', outcome.ok, () => count("SELECT count(*)::int AS n FROM events WHERE event_type = 'DeadlineMissed' AND stream_id LIKE $1"));
  // Each firing's notifyStaff follows its append: let those finish before cleanup terminates the paths.
  const notified = await awaitCount(ctx, 'notifications', fired, () => count('SELECT count(*)::int AS n FROM notifications WHERE path_id LIKE $1'));
  // recorded_at is the append's transaction time: when the firing became visible to staff.
  const { rows } = await ctx.db.query<{ at: number; due: number }>(
    `SELECT extract(epoch FROM recorded_at) * 1000 AS at, extract(epoch FROM (data->'item'->>'dueAt')::timestamptz) * 1000 AS due
       FROM events WHERE event_type = 'DeadlineMissed' AND stream_id LIKE $1`,
    [pattern],
  );
  const last = rows.length > 0 ? Math.max(...rows.map((row) => Number(row.at))) : Date.now();
  const delays = rows.map((row) => Number(row.at) - Number(row.due));
  return { ...rate({ ...outcome, ok: rows.length }, last - t0, rows.length === ctx.options.n), ...delay(delays), notified };
}

function startPaths(ctx: BenchContext, phase: 'start' | 'fire', catalogue: Parameters<typeof servicePathWorkflow>[0]['catalogue']): Promise<Outcome> {
  const prefix = pathIdPrefix(ctx.runId, phase);
  return runConcurrently(ctx.options.n, ctx.options.concurrency, ctx.deadline, TASK_TIMEOUT_MS, async (i) => {
    const pathId = `${prefix}${i}`;
    const handle = await ctx.client.workflow.start<typeof servicePathWorkflow>('servicePathWorkflow', {
      taskQueue: ctx.taskQueues.paths,
      workflowId: pathWorkflowId(pathId),
      args: [{ pathId, ...(catalogue ? { catalogue } : {}) }],
    });
    const clientReference = `cref_${ctx.runId}${phase[0]}${String(i).padStart(6, '0')}`;
    await handle.executeUpdate(applyPathCommandUpdate, { args: [startPathCommand(pathId, clientReference, ctx.runId)] });
  });
}

interface Closed {
  readonly startMs: number;
  readonly closeMs: number;
}

/** Waits until `expected` baseline workflows of `type` completed; returns their times. */
async function awaitCompleted(ctx: BenchContext, type: string, expected: number): Promise<Closed[]> {
  const query = `TaskQueue = '${ctx.taskQueues.baseline}' AND WorkflowType = '${type}' AND ExecutionStatus = 'Completed'`;
  await awaitCount(ctx, `completed ${type}`, expected, async () => (await ctx.client.workflow.count(query)).count);
  const closed: Closed[] = [];
  const collect = async (): Promise<void> => {
    for await (const info of ctx.client.workflow.list({ query, pageSize: 1_000 })) {
      if (info.closeTime) closed.push({ startMs: info.startTime.getTime(), closeMs: info.closeTime.getTime() });
      if (closed.length >= expected) break;
    }
  };
  await ctx.deadline.race(collect(), TASK_TIMEOUT_MS).catch((error: unknown) => ctx.progress(`listing ${type}: ${String(error)}`));
  return closed;
}

/** Polls `count` until it reaches `target`, the run is aborted, or it stalls; returns the last count. */
async function awaitCount(ctx: BenchContext, what: string, target: number, count: () => Promise<number>): Promise<number> {
  let last = -1;
  let movedAt = Date.now();
  let reportedAt = Date.now();
  for (;;) {
    const current = await ctx.deadline.race(count(), TASK_TIMEOUT_MS).catch(() => last);
    if (current >= target || ctx.deadline.abortedBecause) return Math.max(current, 0);
    if (current !== last) {
      last = current;
      movedAt = Date.now();
    }
    if (Date.now() - movedAt > STALLED_AFTER_MS) {
      ctx.progress(`${what}: stuck at ${current} of ${target} for ${STALLED_AFTER_MS / 1000} s; giving up on the rest`);
      return Math.max(current, 0);
    }
    if (Date.now() - reportedAt > 10_000) {
      reportedAt = Date.now();
      ctx.progress(`${what}: ${current} of ${target}`);
    }
    await sleepMs(POLL_EVERY_MS);
  }
}

function rate(outcome: Outcome, ms: number, complete: boolean): Rate {
  const seconds = ms / 1000;
  return { ...outcome, seconds, perSecond: seconds > 0 ? outcome.ok / seconds : 0, complete: complete && outcome.failed === 0 };
}

function delay(values: readonly number[]): Pick<Rate, 'delayMs'> {
  const [p50, p99, max] = [percentile(values, 0.5), percentile(values, 0.99), percentile(values, 1)];
  return p50 === undefined || p99 === undefined || max === undefined ? {} : { delayMs: [p50, p99, max] };
}
