import { startMinimal } from '../baseline/baseline-client';
import { type Benchmark, type BenchContext, CALL_TIMEOUT_MS } from '../suite/benchmark';
import { check, msOf, perSecondOf, row } from '../suite/result';
import { type LoadRun, perSecond, runLoad } from '../support/load';
import { pathIdOf, pathsLike, startPath, startPathCommand } from '../support/paths';
import { progress } from '../support/progress';
import { spread } from '../support/stats';

const TAG = 'b1000000';
const WARM_UP_TAG = 'b1f00000';
const BASELINE_PREFIX = 'b1-minimal-';
/** Starts per side before measuring: connections, caches and the workers' first tasks. */
const WARM_UP_STARTS = 10;

/**
 * B1 — a path start as the API makes it (update-with-start of the workflow with its StartPath,
 * answered once PathStarted is stored) against update-with-start of a minimal workflow whose
 * update runs one local activity doing one INSERT; same server, data converter, worker settings.
 */
export const b1PathStart: Benchmark = {
  id: 'B1',
  title: 'path start via the Temporal client',
  needs: { paths: true, baseline: true },
  async run(ctx) {
    const worker = await ctx.env.children.worker('main');
    await warmUp(ctx);
    const spec = { count: ctx.profile.b1.starts, lanes: ctx.profile.startLanes, capMs: ctx.profile.b1.capS * 1000, callTimeoutMs: CALL_TIMEOUT_MS };
    progress(`B1 baseline: update-with-start of the minimal workflow ×${spec.count}`);
    worker.takePhase();
    const baseline = await runLoad(spec, ctx.deadline, (i) => startMinimal(ctx.env.client, `${BASELINE_PREFIX}${i}`));
    const baselineCpu = worker.takePhase().cpuSeconds;
    progress(`B1 ours: update-with-start + StartPath ×${spec.count}`);
    worker.takePhase();
    const ours = await runLoad(spec, ctx.deadline, (i) => startOne(ctx, TAG, i));
    const oursCpu = worker.takePhase().cpuSeconds;
    ctx.memo.pathStartsPerSecond = perSecond(ours);
    ctx.memo.baselineStartsPerSecond = perSecond(baseline);
    const stored = await storedStarts(ctx);
    const rows = await ctx.env.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_baseline_rows WHERE id LIKE $1', [`${BASELINE_PREFIX}%`]);
    return {
      rows: [row('path starts/s', perSecondOf(perSecond(ours)), perSecondOf(perSecond(baseline)), { kind: 'ratio-at-least', min: 0.8 }), latencyRow(ours, baseline)],
      checks: [
        check('every path started, each once', ours.ok === spec.count && stored.events === spec.count && stored.paths === spec.count, `${ours.ok} of ${spec.count} answered; ${stored.events} PathStarted on ${stored.paths} paths`),
        check('every baseline update wrote its row once', baseline.ok === spec.count && (rows.rows[0]?.n ?? 0) === spec.count, `${baseline.ok} of ${spec.count} answered; ${rows.rows[0]?.n ?? 0} rows`),
      ],
      notes: [describe('ours', ours, oursCpu), describe('baseline', baseline, baselineCpu), `${spec.lanes} concurrent starts per side; worker: ${worker.settings}`],
    };
  },
};

async function startOne(ctx: BenchContext, tag: string, index: number): Promise<void> {
  const pathId = pathIdOf(tag, index);
  const state = await startPath(ctx.env.client, startPathCommand(pathId, tag, index, new Date().toISOString()));
  if (state.status !== 'ACTIVE') throw new Error(`path ${pathId} answered ${state.status}, not ACTIVE`);
}

async function warmUp(ctx: BenchContext): Promise<void> {
  const spec = { count: WARM_UP_STARTS, lanes: WARM_UP_STARTS, capMs: CALL_TIMEOUT_MS, callTimeoutMs: CALL_TIMEOUT_MS };
  await runLoad(spec, ctx.deadline, (i) => startMinimal(ctx.env.client, `b1-warm-up-${i}`));
  await runLoad(spec, ctx.deadline, (i) => startOne(ctx, WARM_UP_TAG, i));
}

async function storedStarts(ctx: BenchContext): Promise<{ events: number; paths: number }> {
  const { rows } = await ctx.env.db.pool.query<{ events: number; paths: number }>(
    "SELECT count(*)::int AS events, count(DISTINCT stream_id)::int AS paths FROM events WHERE event_type = 'PathStarted' AND stream_id LIKE $1",
    [pathsLike(TAG)],
  );
  return rows[0] ?? { events: 0, paths: 0 };
}

function latencyRow(ours: LoadRun, baseline: LoadRun): ReturnType<typeof row> {
  return row('start latency p50', msOf(spread(ours.latenciesMs).p50), msOf(spread(baseline.latenciesMs).p50), { kind: 'printed' });
}

function describe(side: string, run: LoadRun, cpuSeconds: number): string {
  const { p50, p99 } = spread(run.latenciesMs);
  const cut = run.capped ? ' (cut short by its cap)' : '';
  return `${side}: ${run.ok} started, ${run.failed} failed in ${run.seconds.toFixed(1)} s${cut}; latency p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms; worker CPU ${cpuSeconds.toFixed(1)} s${run.errors.length ? `; errors: ${run.errors.join(' | ')}` : ''}`;
}
