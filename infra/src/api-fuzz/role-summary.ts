import { readFileSync } from 'node:fs';
import type { Totals } from '../test-totals';
import type { Bounded } from './run-bounded';

export interface RoleResult {
  readonly role: string;
  readonly ok: boolean;
  /** One short clause for the summary line. */
  readonly summary: string;
  /** Its cases as tests in `npm test`'s totals: each generated case passed, each unique failure failed. */
  readonly totals: Totals;
}

/** A run that tested nothing it could report counts as one failed test. */
export const FAILED_RUN: Totals = { passed: 0, failed: 1, skipped: 0 };

/** The parts of schemathesis's JSON report we summarise; a run that failed early leaves some null. */
interface Report {
  operations?: { selected: number; tested: number } | null;
  test_cases?: { generated: number; unique_failures: number } | null;
  failures?: { code: string; title: string; operations?: string[] }[] | null;
  errors?: { title?: string; count?: number }[] | null;
}

export interface RoleRun {
  readonly role: string;
  readonly outcome: Bounded;
  readonly reportPath: string;
  readonly logPath: string;
  readonly seconds: string;
  readonly timeoutS: number;
}

/** One role's clause: ✔ with the cases and operations tested, or ✘ with what failed. */
export function summarise({ role, outcome, reportPath, logPath, seconds, timeoutS }: RoleRun): RoleResult {
  const report = readReport(reportPath);
  const limit = outcome.stopped === undefined ? '' : `${outcome.stopped} at the ${timeoutS} s limit; `;
  const ok = outcome.code === 0 && outcome.stopped === undefined;
  if (!report) return { role, ok, summary: `${role} ${ok ? '✔' : '✘'} ${limit}exit ${outcome.code ?? outcome.signal}, no report (${seconds} s; see ${logPath})`, totals: FAILED_RUN };
  const failures = (report.failures ?? []).map((failure) => `${failure.code} ${failure.title} in ${listed(failure.operations ?? [])}`);
  const errors = (report.errors ?? []).map((error) => `${error.title ?? 'error'}${(error.count ?? 1) > 1 ? ` ×${error.count}` : ''}`);
  const detail = [...failures, ...errors].join('; ');
  const cases = report.test_cases?.generated ?? 0;
  const operations = report.operations ? `${report.operations.tested}/${report.operations.selected} operations` : 'no operations';
  const counts = `${limit}${cases} cases, ${operations}, ${seconds} s`;
  if (ok) return { role, ok, summary: `${role} ✔ ${counts}`, totals: { passed: cases, failed: 0, skipped: 0 } };
  const unique = report.test_cases?.unique_failures ?? 0;
  const failed = Math.max(1, unique + errors.length);
  const found = `${unique} unique failures${errors.length > 0 ? `, ${errors.length} errors` : ''}`;
  return {
    role,
    ok,
    summary: `${role} ✘ ${found} (${counts})${detail ? `: ${detail}` : ` (exit ${outcome.code ?? outcome.signal})`}`,
    totals: { passed: Math.max(0, cases - unique), failed, skipped: 0 },
  };
}

/** "A, B, C and 9 more": the summary stays one readable line; the report has them all. */
function listed(operations: readonly string[], shown = 3): string {
  const more = operations.length - shown;
  return `${operations.slice(0, shown).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function readReport(file: string): Report | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Report;
  } catch {
    return undefined;
  }
}
