import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadConfig } from '@polku/config';
import { connectTemporalClient } from '@polku/temporal';
import { Pool } from 'pg';
import { HOST, Ports } from '../layout';
import { say, type Phases } from '../log';
import { errorText, unboundedController } from './bounded';
import { assertChaosStack } from './chaos-ports';
import { LEDGER_FILE } from './chaos-stack-env';
import type { FaultResult, RunContext } from './fault';
import { runGateFault, runLedgerFault } from './fault-run';
import { FAULTS } from './faults';
import { KafkaTap } from './kafka-tap';
import { FAULT_IDS, type ChaosOptions, type FaultId } from './profile';
import type { ChaosLedgerFile } from './report';
import { ChaosStack, type InfraServices } from './stack';

/** The ledger's own connections: a few, bounded, straight to PostgreSQL. */
const LEDGER_POOL_SIZE = 8;
const LEDGER_QUERY_TIMEOUT_MS = 30_000;

export interface ChaosStackSpec {
  readonly infra: InfraServices;
  /** What `npm start` gives the apps: the stack's direct addresses. */
  readonly directEnv: NodeJS.ProcessEnv;
}

/** Lower-case alphanumerics: it ends up in employment areas, keys and client references. */
function newRunId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

/** The run's deadline, and Ctrl-C / SIGTERM: both end the faults early, and the clean-up still runs. */
function runSignal(ms: number): AbortSignal {
  const controller = unboundedController();
  const timer = setTimeout(() => controller.abort(new Error(`the run's deadline of ${ms / 60_000} min was reached`)), ms);
  timer.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort(new Error(`stopped by ${signal}`)));
  return controller.signal;
}

async function openContext(stack: ChaosStack, options: ChaosOptions, directEnv: NodeJS.ProcessEnv): Promise<RunContext> {
  const runId = newRunId();
  const pool = new Pool({ connectionString: directEnv['DATABASE_URL'], max: LEDGER_POOL_SIZE, application_name: 'polku-chaos', connectionTimeoutMillis: 10_000, query_timeout: LEDGER_QUERY_TIMEOUT_MS });
  pool.on('error', () => undefined); // F3 kills idle connections; the next query finds out
  // The project's client (its data converter decrypts the workflows' answers), on the chaos stack's server.
  const temporal = await connectTemporalClient({ ...loadConfig().temporal, address: `${HOST}:${Ports.temporal}` });
  const tap = new KafkaTap();
  await tap.start(runId);
  return { runId, profile: options.profile, stack, pool, temporal, tap, workflows: new Map(), signal: runSignal(options.profile.runDeadlineMs), progress: say };
}

async function closeContext(ctx: RunContext): Promise<void> {
  await Promise.allSettled([ctx.tap.stop(), ctx.pool.end(), ctx.temporal.connection.close()]);
}

async function runFaults(ctx: RunContext, ids: readonly FaultId[]): Promise<FaultResult[]> {
  const results: FaultResult[] = [];
  for (const id of FAULT_IDS.filter((fault) => ids.includes(fault))) {
    const fault = FAULTS[id];
    if (ctx.signal.aborted) {
      results.push({ id, title: fault.title, verdict: 'failed', seconds: 0, checks: [{ name: 'fault ran', passed: false, detail: `not run: ${errorText(ctx.signal.reason)}` }], notes: [] });
      continue;
    }
    ctx.progress(`▶ ${id} ${fault.title}`);
    const result = fault.kind === 'ledger' ? await runLedgerFault(ctx, fault) : await runGateFault(ctx, fault);
    ctx.progress(`${id}: ${result.verdict} in ${result.seconds.toFixed(0)} s`);
    results.push(result);
    const { died, unhealthy } = await ctx.stack.restore();
    if (died.length + unhealthy.length > 0) ctx.progress(`${id}: before the next fault, started again: ${died.join(', ') || 'none'}; waited for: ${unhealthy.join(', ') || 'none'}`);
  }
  return results;
}

/**
 * Brings the chaos stack's apps up behind the proxies, runs the chosen faults one after another
 * (each bounded, the stack restored after each), writes the ledger and stops the stack
 * (unless `keep`). Runs in the chaos child process only.
 */
export async function runChaos(options: ChaosOptions, spec: ChaosStackSpec, phases: Phases): Promise<ChaosLedgerFile> {
  assertChaosStack();
  const startedAt = new Date();
  const stack = new ChaosStack(spec.infra, spec.directEnv);
  let faults: FaultResult[] = [];
  let error: string | undefined;
  let runId = 'none';
  try {
    await stack.startProxies();
    await phases.run('start apps behind the chaos proxies', () => stack.rewireApps());
    const ctx = await openContext(stack, options, spec.directEnv);
    runId = ctx.runId;
    try {
      faults = await phases.run(`faults ${options.faults.join(' ')} (${options.profile.name} profile)`, () => runFaults(ctx, options.faults));
    } finally {
      await closeContext(ctx);
    }
  } catch (failure) {
    error = errorText(failure);
  } finally {
    await phases.run(options.keep ? 'rewire apps direct (--keep)' : 'stop the chaos stack', () => stack.shutdown(options.keep)).catch((failure: unknown) => {
      error ??= `shutdown: ${errorText(failure)}`;
    });
  }
  const finished = new Date();
  const ledger: ChaosLedgerFile = {
    runId,
    profile: options.profile.name,
    startedAt: startedAt.toISOString(),
    finishedAt: finished.toISOString(),
    wallSeconds: (finished.getTime() - startedAt.getTime()) / 1000,
    verdict: error === undefined && faults.length > 0 && faults.every((fault) => fault.verdict === 'passed') ? 'passed' : 'failed',
    faults,
    ...(error === undefined ? {} : { error }),
  };
  mkdirSync(dirname(LEDGER_FILE), { recursive: true });
  writeFileSync(LEDGER_FILE, `${JSON.stringify(ledger, null, 2)}\n`);
  return ledger;
}

/** `npm run chaos -- --stop`: a chaos stack that `--keep` left running, stopped. */
export async function stopChaosStack(spec: ChaosStackSpec): Promise<void> {
  assertChaosStack();
  await new ChaosStack(spec.infra, spec.directEnv).shutdown(false);
}
