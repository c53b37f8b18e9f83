import { relative } from 'node:path';
import { ROOT } from '../layout';
import type { Totals } from '../test-totals';
import { LEDGER_FILE } from './chaos-stack-env';
import type { FaultResult } from './fault';

/** What a run writes to .polku/artifacts/chaos/ledger.json. */
export interface ChaosLedgerFile {
  readonly runId: string;
  readonly profile: 'short' | 'full';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly wallSeconds: number;
  readonly verdict: 'passed' | 'failed';
  readonly faults: readonly FaultResult[];
  /** Set when the run itself failed (the stack did not come up, the run's deadline). */
  readonly error?: string;
}

const COLUMNS: readonly [string, (result: FaultResult) => string][] = [
  ['fault', (r) => r.id],
  ['acked', (r) => count(r, (l) => l.commands.acked)],
  ['lost', (r) => count(r, (l) => l.commands.lost)],
  ['twice', (r) => count(r, (l) => l.commands.twice)],
  ['kafka missing', (r) => count(r, (l) => l.kafka.missing)],
  ['dup deliveries', (r) => count(r, (l) => l.kafka.duplicates)],
  ['unapplied', (r) => count(r, (l) => l.unapplied.municipal + l.unapplied.wellbeing + l.unapplied.projections + l.unapplied.projectionsBehind)],
  ['items due', (r) => count(r, (l) => l.items.due)],
  ['fired', (r) => count(r, (l) => l.items.fired)],
  ['fired twice', (r) => count(r, (l) => l.items.firedTwice)],
  ['unnotified', (r) => count(r, (l) => l.items.unnotified)],
  ['stuck', (r) => (r.stuck ? String(r.stuck.paths.length) : '–')],
  ['recovery s', (r) => (r.recoverySeconds === undefined ? '–' : r.recoverySeconds === null ? 'never' : r.recoverySeconds.toFixed(1))],
  ['verdict', (r) => (r.verdict === 'passed' ? '✔ pass' : '✘ FAIL')],
];

function count(result: FaultResult, pick: (ledger: NonNullable<FaultResult['ledger']>) => number): string {
  return result.ledger ? String(pick(result.ledger)) : '–';
}

/** The run's one table: fault × the ledger's counts. */
export function ledgerTable(results: readonly FaultResult[]): string[] {
  const cells = [COLUMNS.map(([title]) => title), ...results.map((result) => COLUMNS.map(([, cell]) => cell(result)))];
  const widths = COLUMNS.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(cells[0] ?? []), widths.map((width) => '─'.repeat(width)).join('  '), ...cells.slice(1).map(line)];
}

/** One line per fault: its title, and what failed (or how it recovered). */
export function faultLines(results: readonly FaultResult[]): string[] {
  return results.map((result) => {
    const failed = result.checks.filter((check) => !check.passed);
    const what = failed.length === 0 ? passedSummary(result) : failed.map((check) => `${check.name}: ${check.detail ?? 'no'}`).join('; ');
    return `${result.id} ${result.verdict === 'passed' ? '✔' : '✘'} ${result.title} (${result.seconds.toFixed(0)} s) — ${what}${unacked(result)}`;
  });
}

/** Commands never answered 2xx are no ledger failure (they may or may not have happened), but worth seeing. */
function unacked(result: FaultResult): string {
  if (!result.load || result.load.acked === result.load.sent) return '';
  return `; ${result.load.sent - result.load.acked} of ${result.load.sent} commands never acked (e.g. ${result.load.unacked[0] ?? '?'})`;
}

function passedSummary(result: FaultResult): string {
  const checks = `${result.checks.length} checks passed`;
  return result.recoverySeconds != null ? `${checks}, balanced ${result.recoverySeconds.toFixed(1)} s after the fault` : checks;
}

/** For `npm test`: each check of each fault counts as one test. */
export function chaosTotals(ledger: Pick<ChaosLedgerFile, 'faults' | 'error'>): Totals {
  const checks = ledger.faults.flatMap((fault) => fault.checks);
  const passed = checks.filter((check) => check.passed).length;
  return { passed, failed: checks.length - passed + (ledger.error ? 1 : 0), skipped: 0 };
}

/** The ledger's table and one line per fault, as both `npm run chaos` and `npm test` print it. */
export function chaosSummary(ledger: ChaosLedgerFile): string[] {
  return [
    `Chaos ledger (${ledger.profile} profile, run ${ledger.runId}, ${ledger.wallSeconds.toFixed(0)} s wall; ${relative(ROOT, LEDGER_FILE)}):`,
    ...ledgerTable(ledger.faults),
    ...faultLines(ledger.faults),
    ...(ledger.error ? [`chaos run: ✘ ${ledger.error}`] : []),
  ];
}
