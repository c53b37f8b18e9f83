import { budget, errorText } from '../../chaos/bounded';
import { survivalCheck, type Check } from '../../chaos/fault';
import { pathIdsIn, type Ledger } from '../../chaos/ledger';
import { ledgerChecks } from '../../chaos/ledger-checks';
import { runCommandLoad } from '../../chaos/load';
import type { SentCommand } from '../../chaos/sent-command';
import { settle } from '../../chaos/settle';
import { StaffApi } from '../../chaos/staff-api';
import { startStorm, STORM_LAST_DUE_MS } from '../../chaos/storm';
import { checkStuck } from '../../chaos/stuck';
import type { ClusterFault, FaultContext, Strike, SuiteContext } from './context';
import { perPathOrder } from './kafka-order';
import type { ClusterFaultId } from './profile';

/** After the stuck check, its own commands must also reach the ledger's sources within this. */
const FINAL_SETTLE_MS = 90_000;

/** One row of the failover table. */
export interface ClusterFaultResult {
  readonly id: ClusterFaultId;
  readonly title: string;
  readonly verdict: 'passed' | 'failed';
  readonly seconds: number;
  /** From the kill (or, for C4, the restart) to the first balanced ledger; null when it never balanced. */
  readonly recoverySeconds: number | null;
  readonly ledger?: Ledger;
  readonly checks: readonly Check[];
  readonly notes: readonly string[];
}

async function faultContext(run: SuiteContext, fault: ClusterFault, signal: AbortSignal): Promise<FaultContext> {
  const area = `Cluster ${run.runId} ${fault.id}`;
  return { ...run, signal, id: fault.id, area, tag: `cluster-${run.runId}-${fault.id.toLowerCase()}`, api: await StaffApi.signIn(area) };
}

/** The storm (direct on Temporal) and keyed staff commands (through the API) side by side. */
async function runLoad(ctx: FaultContext, fault: ClusterFault): Promise<{ commands: SentCommand[]; notBefore: number }> {
  const shape = fault.load(ctx.profile);
  let notBefore = 0;
  const [storm, api] = await Promise.all([
    startStorm(ctx.temporal, { paths: shape.stormPaths, concurrency: ctx.profile.stormConcurrency, employmentArea: ctx.area, tag: ctx.tag }, ctx.signal).finally(() => (notBefore = Date.now() + STORM_LAST_DUE_MS)),
    runCommandLoad(ctx.api, shape.api, ctx.tag, ctx.signal),
  ]);
  ctx.progress(`${ctx.id}: load done (${storm.pathIds.length} storm paths, ${api.commands.filter((command) => command.acked).length} API commands acked)`);
  return { commands: [...storm.commands, ...api.commands], notBefore };
}

function failedStrike(error: unknown): Strike {
  return { struckAt: Date.now(), checks: [{ name: 'fault injected', passed: false, detail: errorText(error) }], notes: [], rejoin: async () => [] };
}

async function restoreCheck(ctx: FaultContext): Promise<Check> {
  return survivalCheck(await ctx.stack.restore());
}

/** Load + strike; the ledger balances with the victim still down; then it rejoins; then stuck paths, order and the final ledger. */
async function judged(ctx: FaultContext, fault: ClusterFault): Promise<Omit<ClusterFaultResult, 'id' | 'title' | 'verdict' | 'seconds'>> {
  const loading = runLoad(ctx, fault);
  const strike = await fault.strike(ctx).catch(failedStrike);
  const { commands, notBefore } = await loading;
  const sources = { pool: ctx.pool, tap: ctx.tap };
  const settled = await settle(sources, { employmentArea: ctx.area, commands }, { notBefore, timeoutMs: ctx.profile.settleDeadlineMs, signal: ctx.signal });
  ctx.progress(`${ctx.id}: ledger ${settled.balancedAt ? 'balanced' : 'did not balance'}; the victim rejoins`);
  const rejoined = await strike.rejoin().catch((error: unknown): Check[] => [{ name: 'the victim rejoined', passed: false, detail: errorText(error) }]);
  const stuck = await checkStuck(ctx.api, await pathIdsIn(ctx.pool, ctx.area), ctx.tag, ctx.signal);
  const final = await settle(sources, { employmentArea: ctx.area, commands: [...commands, ...stuck.commands] }, { notBefore: 0, timeoutMs: FINAL_SETTLE_MS, signal: ctx.signal });
  const checks = [...ledgerChecks(final.ledger, settled, stuck), await perPathOrder(ctx.pool, ctx.tap, ctx.area), ...strike.checks, ...rejoined, await restoreCheck(ctx)];
  const from = strike.restoredAt ?? strike.struckAt;
  return { recoverySeconds: settled.balancedAt === undefined ? null : Math.max(0, settled.balancedAt - from) / 1000, ledger: final.ledger, checks, notes: [...strike.notes] };
}

export async function runClusterFault(run: SuiteContext, fault: ClusterFault): Promise<ClusterFaultResult> {
  const begun = Date.now();
  const bounds = budget(run.signal, run.profile.faultDeadlineMs, fault.id);
  const head = { id: fault.id, title: fault.title };
  try {
    const ctx = await faultContext(run, fault, bounds.signal);
    const result = await judged(ctx, fault);
    const checks = [...result.checks, ...(bounds.signal.aborted ? [{ name: 'finished within its deadline', passed: false, detail: errorText(bounds.signal.reason) }] : [])];
    return { ...head, ...result, checks, verdict: checks.every((check) => check.passed) ? 'passed' : 'failed', seconds: (Date.now() - begun) / 1000 };
  } catch (error) {
    await run.stack.restore().catch(() => undefined);
    return { ...head, verdict: 'failed', seconds: (Date.now() - begun) / 1000, recoverySeconds: null, checks: [{ name: 'fault ran to the end', passed: false, detail: errorText(error) }], notes: [] };
  } finally {
    bounds.dispose();
  }
}
