import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { LOGS, ROOT, RUN } from '../../layout';
import { runLogged } from '../../process';
import { jestTotals, type Totals } from '../../test-totals';
import { BOOTSTRAP_SERVERS } from '../cluster-ports';

/**
 * The system tests (test/e2e) that hold on any stack: they reach it through the environment
 * only. Left out: specs that kill and restart `npm start`'s processes (service-path,
 * relay-faults: the failover suite does that here) or read `npm start`'s log files, and the
 * browser specs (the chaos and main runs cover them).
 */
const SHORT_SPECS = ['start-path', 'downstream-consumers', 'staff-api'] as const;
const FULL_SPECS = [...SHORT_SPECS, 'audience-topics', 'repeated-commands', 'bad-input', 'client-oracle', 'erasure', 'kpi-small-cells', 'consumer-rebuild'] as const;
/** The one staff-api test that reads `.polku/logs/api.log` by path, which names the main stack's API. */
const NOT_HERE = '^(?!.*intake to exit, each command answered)';

export interface SystemTestRun extends Totals {
  readonly specs: readonly string[];
  readonly log: string;
}

/** Runs the chosen e2e specs with jest against the cluster: the first API, all three brokers. */
export async function runSystemTests(appEnv: NodeJS.ProcessEnv, full: boolean): Promise<SystemTestRun> {
  const specs = full ? FULL_SPECS : SHORT_SPECS;
  const summary = join(RUN, 'cluster-system-tests.jsonl');
  rmSync(summary, { force: true });
  const env = { ...process.env, ...appEnv, KAFKA_BROKERS: BOOTSTRAP_SERVERS.join(','), POLKU_TEST_SUMMARY: summary };
  const args = ['jest', '-c', join(ROOT, 'test', 'jest.config.cjs'), '-t', NOT_HERE, ...specs.map((spec) => `test/e2e/${spec}.e2e.spec.ts`)];
  await runLogged('npx', args, 'cluster-system-tests', { cwd: ROOT, env }).catch(() => undefined);
  const totals = jestTotals(summary);
  // A spec that did not run at all (it failed to load) shows as no tests: count it failed.
  return { passed: totals.passed, failed: totals.passed + totals.failed === 0 ? 1 : totals.failed, skipped: 0, specs, log: join(LOGS, 'cluster-system-tests.log') };
}
