import { join, relative } from 'node:path';
import { LOGS, ROOT } from '../layout';
import { say, type Phases } from '../log';
import { NO_TESTS, type Totals } from '../test-totals';
import { runChaosChild } from './child';
import { chaosSummary, chaosTotals } from './report';

export interface ChaosTestRun {
  readonly code: number;
  /** Each check of each fault is one test. */
  readonly totals: Totals;
  /** The table and a line per fault, for `npm test` to print before its totals. */
  readonly notes: readonly string[];
}

/**
 * `npm test`'s chaos phase: the short profile on the chaos stack, progress to
 * .polku/logs/chaos.log only (the table comes back as notes). POLKU_SKIP_CHAOS=1 leaves it out.
 */
export async function chaosTestPhase(phases: Phases): Promise<ChaosTestRun> {
  if (process.env['POLKU_SKIP_CHAOS'] === '1') {
    say('chaos ledger skipped (POLKU_SKIP_CHAOS=1)');
    return { code: 0, totals: NO_TESTS, notes: [] };
  }
  const log = join(LOGS, 'chaos.log');
  const run = await phases.run('chaos ledger (short profile)', () => runChaosChild(['--quiet'], { logFile: log }));
  if (!run.ledger) return { code: run.code || 1, totals: { ...NO_TESTS, failed: 1 }, notes: [`chaos ledger: ✘ no ledger written (exit ${run.code}); see ${relative(ROOT, log)}`] };
  return { code: run.ledger.verdict === 'passed' ? 0 : 1, totals: chaosTotals(run.ledger), notes: chaosSummary(run.ledger) };
}
