import { startTimer } from '../baseline/baseline-client';
import { type BenchContext, CALL_TIMEOUT_MS, STALLED_AFTER_MS } from '../suite/benchmark';
import { sleepMs } from '../support/limits';
import { type LoadRun, runLoad } from '../support/load';
import { drillPolicy, pathIdOf, pathsLike, startPath, startPathCommand } from '../support/paths';
import { progress } from '../support/progress';
import { awaitCount } from '../support/wait';

/** Starting N takes N ÷ (the start rate B1 measured) × this, plus the margin, at most the cap. */
const START_SAFETY = 1.2;
const START_MARGIN_S = 3;
/** Starts stop this long before the due instant: none may start after it (it would fire at once). */
const STOP_STARTING_BEFORE_DUE_MS = 2_000;

export const STORM_TAG = 'b3000000';
export const TIMER_PREFIX = 'b3-timer-';

export interface Storm {
  readonly starts: LoadRun;
  readonly dueAt: number;
  /** Each fired item's lateness beyond the due instant, ms. */
  readonly latenessMs: readonly number[];
  /** From the due instant to the last firing. */
  readonly seconds: number;
}

/**
 * One side of the storm: N workflows started, all due at one instant after the last start, then
 * every firing awaited. Ours are paths whose only item (a drill policy's initial interview) is
 * due then; the baseline workflows sleep until then and INSERT their firing.
 */
export async function runStorm(ctx: BenchContext, side: 'ours' | 'baseline', startsPerSecond: number | undefined): Promise<Storm> {
  const n = ctx.profile.b3.items;
  const t0 = Date.now();
  const leadS = Math.ceil(Math.min(ctx.profile.b3.startCapS, startsPerSecond ? (n / startsPerSecond) * START_SAFETY + START_MARGIN_S : ctx.profile.b3.startCapS));
  const dueAt = t0 + leadS * 1000;
  const occurredAt = new Date(t0).toISOString();
  const catalogue = [drillPolicy(leadS)];
  progress(`B3 ${side}: starting ${n}, all due in ${leadS} s`);
  const spec = { count: n, lanes: ctx.profile.startLanes, capMs: dueAt - STOP_STARTING_BEFORE_DUE_MS - Date.now(), callTimeoutMs: CALL_TIMEOUT_MS };
  const starts = await runLoad(spec, ctx.deadline, (i) =>
    side === 'ours'
      ? startPath(ctx.env.client, startPathCommand(pathIdOf(STORM_TAG, i), STORM_TAG, i, occurredAt), catalogue).then(() => undefined)
      : startTimer(ctx.env.client, `${TIMER_PREFIX}${i}`, new Date(dueAt).toISOString()),
  );
  await ctx.deadline.race(sleepMs(Math.max(0, dueAt - Date.now())));
  progress(`B3 ${side}: ${starts.ok} due now; awaiting their firings`);
  const count = side === 'ours' ? () => scalar(ctx, "SELECT count(*)::int AS n FROM events WHERE event_type = 'DeadlineMissed' AND stream_id LIKE $1", pathsLike(STORM_TAG)) : () => scalar(ctx, 'SELECT count(*)::int AS n FROM bench_baseline_rows WHERE id LIKE $1', `${TIMER_PREFIX}%`);
  await awaitCount({ what: `B3 ${side} firings`, target: starts.ok, count, capMs: ctx.profile.b3.fireCapS * 1000, stallMs: STALLED_AFTER_MS }, ctx.deadline);
  const fired = await firingTimes(ctx, side);
  const last = fired.length > 0 ? Math.max(...fired.map((f) => f.at)) : Date.now();
  return { starts, dueAt, latenessMs: fired.map((f) => f.at - f.due), seconds: (last - dueAt) / 1000 };
}

/** When each firing was stored (its transaction's time, as events.recorded_at) and when it was due. */
async function firingTimes(ctx: BenchContext, side: 'ours' | 'baseline'): Promise<{ at: number; due: number }[]> {
  const sql =
    side === 'ours'
      ? `SELECT extract(epoch FROM recorded_at) * 1000 AS at, extract(epoch FROM (data->'item'->>'dueAt')::timestamptz) * 1000 AS due
           FROM events WHERE event_type = 'DeadlineMissed' AND stream_id LIKE $1`
      : 'SELECT extract(epoch FROM written_at) * 1000 AS at, extract(epoch FROM due_at) * 1000 AS due FROM bench_baseline_rows WHERE id LIKE $1';
  const { rows } = await ctx.env.db.pool.query<{ at: string; due: string }>(sql, [side === 'ours' ? pathsLike(STORM_TAG) : `${TIMER_PREFIX}%`]);
  return rows.map((r) => ({ at: Number(r.at), due: Number(r.due) }));
}

export async function scalar(ctx: BenchContext, sql: string, ...values: unknown[]): Promise<number> {
  const { rows } = await ctx.env.db.pool.query<{ n: number }>(sql, values);
  return rows[0]?.n ?? 0;
}
