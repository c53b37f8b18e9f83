import { type Benchmark, type BenchContext, CALL_TIMEOUT_MS, STALLED_AFTER_MS } from '../suite/benchmark';
import { check, type Check, mibOf, msOf, row } from '../suite/result';
import { sleepMs } from '../support/limits';
import { type LoadRun, runLoad } from '../support/load';
import { drillPolicy, OPEN_PATHS_TASK_QUEUE, pathIdOf, pathsLike, startPath, startPathCommand } from '../support/paths';
import { progress } from '../support/progress';
import { spread } from '../support/stats';
import { awaitCount } from '../support/wait';
import { scalar } from './b3-storm';

const TAG = 'b7000000';
/** The issue's bound on the worker holding the open paths. */
const MAX_RSS_MIB = 1_024;
/** A firing's notification follows its append: at most this long for the last ones. */
const NOTIFIED_WITHIN_MS = 60_000;

/**
 * B7 — N open paths, each with pending items (the Finnish policy's initial interview, days
 * away), on one worker of their own; one in `dueEvery` runs a drill policy whose item falls due
 * `dueAfterS` after its start, so items come due while the paths are being opened. The worker's
 * peak RSS is judged; the due items' lateness is printed.
 */
export const b7OpenPaths: Benchmark = {
  id: 'B7',
  title: 'open paths on one worker',
  needs: { openPaths: true },
  async run(ctx) {
    const { paths: n, dueEvery, dueAfterS, openCapS } = ctx.profile.b7;
    const worker = await ctx.env.children.worker('open-paths');
    worker.takePhase();
    const due = [drillPolicy(dueAfterS)];
    progress(`B7: opening ${n} paths, one in ${dueEvery} with an item due ${dueAfterS} s after its start`);
    const opened = await runLoad({ count: n, lanes: ctx.profile.startLanes, capMs: openCapS * 1000, callTimeoutMs: CALL_TIMEOUT_MS }, ctx.deadline, async (i) => {
      const command = startPathCommand(pathIdOf(TAG, i), TAG, i, new Date().toISOString());
      await startPath(ctx.env.client, command, i % dueEvery === 0 ? due : undefined, OPEN_PATHS_TASK_QUEUE);
    });
    const dueItems = await scalar(ctx, "SELECT count(*)::int AS n FROM events WHERE event_type = 'PathStarted' AND stream_id LIKE $1 AND data->'policy'->>'id' LIKE 'BENCH-DRILL-%'", pathsLike(TAG));
    await ctx.deadline.race(sleepMs(dueAfterS * 1000));
    const fired = await awaitCount({ what: 'B7 due items fired', target: dueItems, count: () => firedCount(ctx), capMs: ctx.profile.b7.fireCapS * 1000, stallMs: STALLED_AFTER_MS }, ctx.deadline);
    const lateness = await latenessOf(ctx);
    const usage = worker.takePhase();
    const peak = worker.peakMib();
    return {
      rows: [
        row(`worker peak RSS, ${opened.ok} open paths`, mibOf(peak), undefined, { kind: 'at-most', max: MAX_RSS_MIB, unit: 'MiB' }),
        row('p99 lateness of items due during the run', msOf(spread(lateness).p99), undefined, { kind: 'printed' }),
      ],
      checks: await checksOf(ctx, opened, dueItems, fired),
      notes: [
        `${opened.ok} of ${n} opened in ${opened.seconds.toFixed(1)} s (${(opened.ok / opened.seconds).toFixed(1)}/s)${opened.capped ? ', cut short by the cap' : ''}${opened.errors.length ? `; errors: ${opened.errors.join(' | ')}` : ''}`,
        `${fired} of ${dueItems} due items fired; lateness p50 ${spread(lateness).p50.toFixed(0)} ms, p99 ${spread(lateness).p99.toFixed(0)} ms, max ${spread(lateness).max.toFixed(0)} ms`,
        `worker: peak RSS ${peak.toFixed(0)} MiB (VmHWM), ${usage.peakMib.toFixed(0)} MiB sampled during B7; CPU ${usage.cpuSeconds.toFixed(1)} s; ${worker.settings}`,
      ],
    };
  },
};

async function checksOf(ctx: BenchContext, opened: LoadRun, dueItems: number, fired: number): Promise<Check[]> {
  const n = ctx.profile.b7.paths;
  const open = (await ctx.env.client.workflow.count(`TaskQueue = '${OPEN_PATHS_TASK_QUEUE}' AND ExecutionStatus = 'Running'`)).count;
  const twice = await scalar(ctx, "SELECT count(*)::int AS n FROM (SELECT 1 FROM events WHERE event_type = 'DeadlineMissed' AND stream_id LIKE $1 GROUP BY stream_id, data->'item'->>'id' HAVING count(*) > 1) AS repeated", pathsLike(TAG));
  const notified = await awaitCount({ what: 'B7 notifications', target: fired, count: () => scalar(ctx, 'SELECT count(*)::int AS n FROM notifications WHERE path_id LIKE $1', pathsLike(TAG)), capMs: NOTIFIED_WITHIN_MS, stallMs: STALLED_AFTER_MS }, ctx.deadline);
  const expectedDue = Math.ceil(n / ctx.profile.b7.dueEvery);
  return [
    check('every path opened and still open', opened.ok === n && open === n, `${opened.ok} of ${n} opened, ${opened.failed} failed; ${open} running on the worker's queue`),
    check('every due item fired once and notified once', dueItems === expectedDue && fired === dueItems && twice === 0 && notified === fired, `${fired} of ${dueItems} due items fired (${expectedDue} planned), ${twice} twice; ${notified} notifications`),
  ];
}

function firedCount(ctx: BenchContext): Promise<number> {
  return scalar(ctx, "SELECT count(*)::int AS n FROM events WHERE event_type = 'DeadlineMissed' AND stream_id LIKE $1", pathsLike(TAG));
}

async function latenessOf(ctx: BenchContext): Promise<number[]> {
  const { rows } = await ctx.env.db.pool.query<{ late: string }>(
    "SELECT (extract(epoch FROM recorded_at) - extract(epoch FROM (data->'item'->>'dueAt')::timestamptz)) * 1000 AS late FROM events WHERE event_type = 'DeadlineMissed' AND stream_id LIKE $1",
    [pathsLike(TAG)],
  );
  return rows.map((r) => Number(r.late));
}
