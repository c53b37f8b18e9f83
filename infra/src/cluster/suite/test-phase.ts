import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LOGS, ROOT } from '../../layout';
import { say, type Phases } from '../../log';
import { NO_TESTS, type Totals } from '../../test-totals';
import { runClusterChild } from '../child';
import { parseSuiteArgs } from './profile';
import { FAILOVER_FILE, suiteSummary, suiteTotals, type SuiteReport } from './report';

/** Bringing the cluster up cold (building Temporal the first time) on top of the run's own deadline. */
const SETUP_ALLOWANCE_MS = 25 * 60_000;

export interface ClusterTestRun {
  readonly code: number;
  readonly totals: Totals;
  readonly notes: readonly string[];
}

function reportSince(started: number): SuiteReport | undefined {
  if (!existsSync(FAILOVER_FILE)) return undefined;
  const report = JSON.parse(readFileSync(FAILOVER_FILE, 'utf8')) as SuiteReport;
  return Date.parse(report.startedAt) >= started ? report : undefined;
}

/** Runs the suite in the cluster's child process; answers its exit code and the report it wrote. */
export async function runSuiteChild(args: readonly string[], logFile?: string): Promise<{ code: number; report?: SuiteReport }> {
  const { profile } = parseSuiteArgs(args);
  const started = Date.now();
  const code = await runClusterChild('cluster-test', args, { limitMs: profile.runDeadlineMs + SETUP_ALLOWANCE_MS, ...(logFile ? { logFile } : {}) });
  const report = reportSince(started);
  return { code, ...(report ? { report } : {}) };
}

/**
 * `npm test`'s cluster phase: the short profile, progress to .polku/logs/cluster.log, each check
 * a test; the table comes back as notes. POLKU_SKIP_CLUSTER=1 leaves it out.
 */
export async function clusterTestPhase(phases: Phases): Promise<ClusterTestRun> {
  if (process.env['POLKU_SKIP_CLUSTER'] === '1') {
    say('cluster failover suite skipped (POLKU_SKIP_CLUSTER=1)');
    return { code: 0, totals: NO_TESTS, notes: [] };
  }
  const log = join(LOGS, 'cluster.log');
  const run = await phases.run('cluster failover suite (short profile)', () => runSuiteChild(['--quiet'], log));
  if (!run.report) return { code: run.code || 1, totals: { ...NO_TESTS, failed: 1 }, notes: [`cluster suite: ✘ no report written (exit ${run.code}); see ${relative(ROOT, log)}`] };
  return { code: run.report.verdict === 'passed' ? 0 : 1, totals: suiteTotals(run.report), notes: suiteSummary(run.report) };
}
