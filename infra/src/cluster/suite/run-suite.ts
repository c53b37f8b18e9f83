import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadConfig } from '@polku/config';
import { connectTemporalClient } from '@polku/temporal';
import { Pool } from 'pg';
import { errorText, unboundedController } from '../../chaos/bounded';
import { KafkaTap } from '../../chaos/kafka-tap';
import { HOST, Ports } from '../../layout';
import { say, type Phases } from '../../log';
import { DATABASE_URL } from '../../postgres';
import { clusterRunning } from '../child';
import { ClusterStack } from '../stack';
import type { SuiteContext } from './context';
import { runClusterFault, type ClusterFaultResult } from './fault-run';
import { CLUSTER_FAULTS } from './faults';
import type { SuiteOptions } from './profile';
import { FAILOVER_FILE, type SuiteReport } from './report';
import { runSystemTests, type SystemTestRun } from './system-tests';
import { runRollout } from '../rollout/rollout';
import type { Check } from '../../chaos/fault';

const LEDGER_POOL_SIZE = 8;
const LEDGER_QUERY_TIMEOUT_MS = 30_000;

function runSignal(ms: number): AbortSignal {
  const controller = unboundedController();
  setTimeout(() => controller.abort(new Error(`the suite's deadline of ${ms / 60_000} min was reached`)), ms).unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort(new Error(`stopped by ${signal}`)));
  return controller.signal;
}

/** The ledger's own connections go straight to the cluster's PostgreSQL, frontend and node 1. */
async function openContext(stack: ClusterStack, options: SuiteOptions): Promise<SuiteContext> {
  const pool = new Pool({ connectionString: DATABASE_URL, max: LEDGER_POOL_SIZE, application_name: 'polku-cluster-suite', connectionTimeoutMillis: 10_000, query_timeout: LEDGER_QUERY_TIMEOUT_MS });
  pool.on('error', () => undefined);
  const temporal = await connectTemporalClient({ ...loadConfig().temporal, address: `${HOST}:${Ports.temporal}` });
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const tap = new KafkaTap();
  await tap.start(runId);
  return { runId, profile: options.profile, stack, pool, temporal, tap, signal: runSignal(options.profile.runDeadlineMs), progress: say };
}

async function runFaults(ctx: SuiteContext, options: SuiteOptions): Promise<ClusterFaultResult[]> {
  const results: ClusterFaultResult[] = [];
  for (const id of options.faults) {
    ctx.progress(`▶ ${id} ${CLUSTER_FAULTS[id].title}`);
    const result = await runClusterFault(ctx, CLUSTER_FAULTS[id]);
    ctx.progress(`${id}: ${result.verdict} in ${result.seconds.toFixed(0)} s`);
    results.push(result);
  }
  return results;
}

/**
 * `npm run test:cluster`: brings the cluster up (if it is not), runs the faults under load with
 * the chaos ledger, writes the failover table, and stops the cluster again if it started it.
 */
export async function runClusterSuite(options: SuiteOptions, appEnv: NodeJS.ProcessEnv, phases: Phases): Promise<SuiteReport> {
  const started = new Date();
  const stack = new ClusterStack(appEnv);
  const wasRunning = clusterRunning();
  let faults: ClusterFaultResult[] = [];
  let system: SystemTestRun | undefined;
  let rollout: { checks: Check[]; notes: string[] } | undefined;
  let error: string | undefined;
  let runId = 'none';
  try {
    await stack.up(phases);
    system = await phases.run('system tests (test/e2e) on the cluster', () => runSystemTests(appEnv, options.profile.name === 'full'));
    const ctx = await openContext(stack, options);
    runId = ctx.runId;
    try {
      faults = await phases.run(`cluster faults ${options.faults.join(' ')} (${options.profile.name})`, () => runFaults(ctx, options));
      rollout = await phases.run('rollout: two worker builds (Worker Versioning)', () => runRollout(ctx));
    } finally {
      await Promise.allSettled([ctx.tap.stop(), ctx.pool.end(), ctx.temporal.connection.close()]);
    }
  } catch (failure) {
    error = errorText(failure);
  } finally {
    if (!wasRunning && !options.keep) await phases.run('stop the cluster', () => stack.down()).catch((failure: unknown) => (error ??= `stop: ${errorText(failure)}`));
  }
  const passed = error === undefined && faults.length > 0 && faults.every((fault) => fault.verdict === 'passed') && system !== undefined && system.failed === 0 && rollout !== undefined && rollout.checks.every((check) => check.passed);
  const report: SuiteReport = { runId, profile: options.profile.name, startedAt: started.toISOString(), wallSeconds: (Date.now() - started.getTime()) / 1000, verdict: passed ? 'passed' : 'failed', faults, ...(system ? { system } : {}), ...(rollout ? { rollout } : {}), ...(error ? { error } : {}) };
  mkdirSync(dirname(FAILOVER_FILE), { recursive: true });
  writeFileSync(FAILOVER_FILE, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
