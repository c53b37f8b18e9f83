import { type Benchmark, type BenchContext, STALLED_AFTER_MS } from '../suite/benchmark';
import { check, type Check, msOf, perSecondOf, row } from '../suite/result';
import { pathsLike } from '../support/paths';
import { spread } from '../support/stats';
import { awaitCount } from '../support/wait';
import { runStorm, scalar, type Storm, STORM_TAG, TIMER_PREFIX } from './b3-storm';

const FIRINGS_RATIO = 0.8;
const LATENESS_RATIO = 1.2;
/** A firing's notification follows its append; this long at most for the last ones. */
const NOTIFIED_WITHIN_MS = 60_000;

/**
 * B3 — a deadline storm: N items on N paths all due at the same instant, against N workflows
 * each with one timer to that instant and a local-activity INSERT. Firings/s from the due
 * instant to the last firing; lateness per item; every item fired once and notified once.
 */
export const b3DeadlineStorm: Benchmark = {
  id: 'B3',
  title: 'deadline storm',
  needs: { paths: true, baseline: true },
  async run(ctx) {
    const worker = await ctx.env.children.worker('main');
    worker.takePhase();
    const baseline = await runStorm(ctx, 'baseline', ctx.memo.baselineStartsPerSecond);
    const baselineUse = worker.takePhase();
    worker.takePhase();
    const ours = await runStorm(ctx, 'ours', ctx.memo.pathStartsPerSecond);
    const notified = await awaitCount({ what: 'B3 notifications', target: ours.latenessMs.length, count: () => notifiedPaths(ctx), capMs: NOTIFIED_WITHIN_MS, stallMs: STALLED_AFTER_MS }, ctx.deadline);
    const oursUse = worker.takePhase();
    const rate = (storm: Storm): number => (storm.seconds > 0 ? storm.latenessMs.length / storm.seconds : Number.NaN);
    return {
      rows: [
        row(`firings/s (${ctx.profile.b3.items} due at once)`, perSecondOf(rate(ours)), perSecondOf(rate(baseline)), { kind: 'ratio-at-least', min: FIRINGS_RATIO }),
        row('p99 lateness', msOf(spread(ours.latenessMs).p99), msOf(spread(baseline.latenessMs).p99), { kind: 'ratio-at-most', max: LATENESS_RATIO }),
      ],
      checks: [...(await oursChecks(ctx, ours, notified)), await baselineCheck(ctx, baseline)],
      notes: [
        describe('ours', ours, ctx.profile.b3.items, `worker peak RSS ${oursUse.peakMib.toFixed(0)} MiB, CPU ${oursUse.cpuSeconds.toFixed(1)} s`),
        describe('baseline', baseline, ctx.profile.b3.items, `worker peak RSS ${baselineUse.peakMib.toFixed(0)} MiB, CPU ${baselineUse.cpuSeconds.toFixed(1)} s`),
      ],
    };
  },
};

async function oursChecks(ctx: BenchContext, ours: Storm, notified: number): Promise<Check[]> {
  const n = ctx.profile.b3.items;
  const twice = await scalar(
    ctx,
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM events WHERE event_type = 'DeadlineMissed' AND stream_id LIKE $1
       GROUP BY stream_id, data->'item'->>'id' HAVING count(*) > 1) AS repeated`,
    pathsLike(STORM_TAG),
  );
  const notifications = await scalar(ctx, 'SELECT count(*)::int AS n FROM notifications WHERE path_id LIKE $1', pathsLike(STORM_TAG));
  return [
    check('every path started before the due instant', ours.starts.ok === n, `${ours.starts.ok} of ${n} started, ${ours.starts.failed} failed${ours.starts.capped ? ' (the rest did not start in time)' : ''}`),
    check('every item fired, none twice', ours.latenessMs.length === n && twice === 0, `${ours.latenessMs.length} of ${n} fired; ${twice} fired more than once`),
    check('every firing notified once', notified === n && notifications === n, `${notifications} notifications on ${notified} paths for ${n} items`),
  ];
}

async function baselineCheck(ctx: BenchContext, baseline: Storm): Promise<Check> {
  const n = ctx.profile.b3.items;
  const rows = await scalar(ctx, 'SELECT count(*)::int AS n FROM bench_baseline_rows WHERE id LIKE $1', `${TIMER_PREFIX}%`);
  return check('every baseline timer started and fired once', baseline.starts.ok === n && rows === n, `${baseline.starts.ok} of ${n} started; ${rows} firings stored`);
}

function notifiedPaths(ctx: BenchContext): Promise<number> {
  return scalar(ctx, 'SELECT count(DISTINCT path_id)::int AS n FROM notifications WHERE path_id LIKE $1', pathsLike(STORM_TAG));
}

function describe(side: string, storm: Storm, n: number, usage: string): string {
  const { p50, p99, max } = spread(storm.latenessMs);
  return `${side}: ${storm.starts.ok} of ${n} started in ${storm.starts.seconds.toFixed(1)} s; ${storm.latenessMs.length} fired within ${storm.seconds.toFixed(1)} s of the due instant; lateness p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${max.toFixed(0)} ms; ${usage}`;
}
