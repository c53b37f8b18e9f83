import { budget, errorText } from './bounded';
import { survivalCheck, type Check, type FaultContext, type FaultResult, type GateFault, type Injection, type LedgerFault, type LoadShape, type RunContext } from './fault';
import { ledgerChecks } from './ledger-checks';
import { pathIdsIn } from './ledger';
import { runCommandLoad } from './load';
import type { SentCommand } from './sent-command';
import { settle, type Settled } from './settle';
import { StaffApi } from './staff-api';
import { startStorm, STORM_LAST_DUE_MS } from './storm';
import { checkStuck, type StuckCheck } from './stuck';

/** After the stuck check, its own commands must also reach the ledger's sources within this. */
const FINAL_SETTLE_MS = 60_000;
const UNACKED_SHOWN = 5;

interface LoadRun {
  readonly commands: readonly SentCommand[];
  readonly workflows: readonly string[];
  /** The storm's last item falls due by then. */
  readonly notBefore: number;
}

/** Each fault has an employment area and key prefix of its own, so its ledger is its alone. */
async function faultContext(run: RunContext, fault: LedgerFault | GateFault, signal: AbortSignal): Promise<FaultContext> {
  const area = `Chaos ${run.runId} ${fault.id}`;
  return { ...run, signal, id: fault.id, area, tag: `chaos-${run.runId}-${fault.id.toLowerCase()}`, api: await StaffApi.signIn(area) };
}

async function runLoad(ctx: FaultContext, shape: LoadShape): Promise<LoadRun> {
  const { profile } = ctx;
  // The storm's last item falls due STORM_LAST_DUE_MS after its last path started, usually
  // well before the paced commands are done: the ledger may balance from then on.
  let notBefore = 0;
  const [storm, api] = await Promise.all([
    shape.stormPaths > 0
      ? startStorm(ctx.temporal, { paths: shape.stormPaths, concurrency: profile.stormConcurrency, employmentArea: ctx.area, tag: ctx.tag }, ctx.signal).finally(() => (notBefore = Date.now() + STORM_LAST_DUE_MS))
      : undefined,
    shape.api ? runCommandLoad(ctx.api, shape.api, ctx.tag, ctx.signal) : undefined,
  ]);
  ctx.progress(`${ctx.id}: load done (${storm?.pathIds.length ?? 0} storm paths, ${api?.commands.filter((command) => command.acked).length ?? 0} API commands acked)`);
  return {
    commands: [...(storm?.commands ?? []), ...(api?.commands ?? [])],
    workflows: [...(storm?.pathIds ?? []), ...(api?.pathIds ?? [])],
    notBefore,
  };
}

/**
 * The fault's injection and load run side by side; whatever happens, the stack is restored
 * after. A process the fault did not aim at that died of it is a finding, not a detail.
 */
async function underFault(ctx: FaultContext, fault: LedgerFault): Promise<{ load: LoadRun; injection: Injection; survived: Check }> {
  let survived: Check | undefined;
  await fault.prepare?.(ctx);
  const loading = runLoad(ctx, fault.load(ctx.profile));
  try {
    const injection = await fault.inject(ctx).catch((error: unknown): Injection => ({ endedAt: Date.now(), checks: [{ name: 'fault injected', passed: false, detail: errorText(error) }] }));
    const load = await loading;
    survived = await restoreAfter(ctx);
    return { load, injection, survived };
  } finally {
    if (!survived) await restoreAfter(ctx).catch(() => undefined);
  }
}

async function restoreAfter(ctx: FaultContext): Promise<Check> {
  return survivalCheck(await ctx.stack.restore());
}

interface Judgement {
  /** The ledger over the load's commands: when it first balanced gives the recovery time. */
  readonly settled: Settled;
  readonly stuck: StuckCheck;
  /** The ledger again with the stuck check's own commands: what the table shows. */
  readonly final: Settled;
}

async function judge(ctx: FaultContext, commands: readonly SentCommand[], notBefore: number): Promise<Judgement> {
  const sources = { pool: ctx.pool, tap: ctx.tap };
  const settled = await settle(sources, { employmentArea: ctx.area, commands }, { notBefore, timeoutMs: ctx.profile.settleDeadlineMs, signal: ctx.signal });
  ctx.progress(`${ctx.id}: ledger ${settled.balancedAt ? 'balanced' : 'did not balance'}; checking for stuck paths`);
  const stuck = await checkStuck(ctx.api, await pathIdsIn(ctx.pool, ctx.area), ctx.tag, ctx.signal);
  const final = await settle(sources, { employmentArea: ctx.area, commands: [...commands, ...stuck.commands] }, { notBefore: 0, timeoutMs: FINAL_SETTLE_MS, signal: ctx.signal });
  return { settled, stuck, final };
}

function unackedSample(commands: readonly SentCommand[]): string[] {
  return commands.filter((command) => !command.acked).map((command) => `${command.key}: ${command.failure ?? '?'}`).slice(0, UNACKED_SHOWN);
}

/** Load + fault, then the ledger: settle (recovery time), stuck paths, and a final ledger with their commands. */
export async function runLedgerFault(run: RunContext, fault: LedgerFault): Promise<FaultResult> {
  const begun = Date.now();
  const bounds = budget(run.signal, run.profile.faultDeadlineMs, fault.id);
  let ctx: FaultContext | undefined;
  try {
    ctx = await faultContext(run, fault, bounds.signal);
    const { load, injection, survived } = await underFault(ctx, fault);
    run.workflows.set(fault.id, [...load.workflows, ...(injection.workflows ?? [])]);
    const commands = [...load.commands, ...(injection.commands ?? [])];
    const { settled, stuck, final } = await judge(ctx, commands, Math.max(load.notBefore, injection.notBefore ?? 0));
    const checks = [...ledgerChecks(final.ledger, settled, stuck), ...(injection.checks ?? []), survived, ...deadlineCheck(ctx.signal)];
    return {
      ...verdictOf(fault, begun, checks),
      recoverySeconds: settled.balancedAt === undefined ? null : Math.max(0, settled.balancedAt - injection.endedAt) / 1000,
      ledger: final.ledger,
      stuck: { checked: stuck.checked, paths: stuck.stuck },
      load: { sent: commands.length, acked: commands.filter((command) => command.acked).length, unacked: unackedSample(commands) },
      notes: [...(injection.notes ?? [])],
    };
  } catch (error) {
    return failedRun(fault, begun, error);
  } finally {
    bounds.dispose();
    if (ctx) await fault.cleanup?.(ctx).catch((error: unknown) => run.progress(`${fault.id}: cleanup failed: ${errorText(error)}`));
  }
}

function verdictOf(fault: LedgerFault | GateFault, begun: number, checks: readonly Check[]): Pick<FaultResult, 'id' | 'title' | 'verdict' | 'seconds' | 'checks' | 'notes'> {
  return { id: fault.id, title: fault.title, verdict: checks.every((check) => check.passed) ? 'passed' : 'failed', seconds: (Date.now() - begun) / 1000, checks, notes: [] };
}

export async function runGateFault(run: RunContext, fault: GateFault): Promise<FaultResult> {
  const begun = Date.now();
  const bounds = budget(run.signal, run.profile.faultDeadlineMs, fault.id);
  try {
    const ctx = await faultContext(run, fault, bounds.signal);
    const { checks, notes } = await fault.run(ctx);
    return { ...verdictOf(fault, begun, [...checks, ...deadlineCheck(ctx.signal)]), notes: [...notes] };
  } catch (error) {
    return failedRun(fault, begun, error);
  } finally {
    bounds.dispose();
  }
}

function deadlineCheck(signal: AbortSignal): Check[] {
  return signal.aborted ? [{ name: 'finished within its deadline', passed: false, detail: errorText(signal.reason) }] : [];
}

function failedRun(fault: LedgerFault | GateFault, begun: number, error: unknown): FaultResult {
  return { id: fault.id, title: fault.title, verdict: 'failed', seconds: (Date.now() - begun) / 1000, checks: [{ name: 'fault ran to the end', passed: false, detail: errorText(error) }], notes: [], error: errorText(error) };
}
