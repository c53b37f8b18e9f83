import { existsSync, readFileSync } from 'node:fs';

/** Counts of one test runner, or of the whole `npm test`. */
export interface Totals {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export const NO_TESTS: Totals = { passed: 0, failed: 0, skipped: 0 };

export function addTotals(...runs: readonly Totals[]): Totals {
  return runs.reduce((sum, run) => ({ passed: sum.passed + run.passed, failed: sum.failed + run.failed, skipped: sum.skipped + run.skipped }), NO_TESTS);
}

/** Every project's jest totals, one JSON line each, as infra/jest/summary-reporter.cjs appends them. */
export function jestTotals(file: string): Totals {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
  return addTotals(...lines.map((line) => JSON.parse(line) as Totals));
}

/**
 * The closing line CI reads: it must be the last test line `npm test` prints, and no other
 * tool's summary (pytest-style banners included) may follow it.
 */
export function totalsLine(totals: Totals): string {
  return `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
}
