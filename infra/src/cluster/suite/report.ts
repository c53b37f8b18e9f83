import { join, relative } from 'node:path';
import type { Ledger } from '../../chaos/ledger';
import { ROOT } from '../../layout';
import type { Totals } from '../../test-totals';
import { CLUSTER_ARTIFACTS } from '../cluster-env';
import type { ClusterFaultResult } from './fault-run';
import type { SystemTestRun } from './system-tests';
import type { Check } from '../../chaos/fault';

export const FAILOVER_FILE = join(CLUSTER_ARTIFACTS, 'failover.json');

/** What a suite run writes to .polku/artifacts/cluster/failover.json. */
export interface SuiteReport {
  readonly runId: string;
  readonly profile: 'short' | 'full';
  readonly startedAt: string;
  readonly wallSeconds: number;
  readonly verdict: 'passed' | 'failed';
  readonly faults: readonly ClusterFaultResult[];
  /** The system tests (test/e2e) run against the cluster before the faults. */
  readonly system?: SystemTestRun;
  /** Worker Versioning with two builds (infra/src/cluster/rollout). */
  readonly rollout?: { readonly checks: readonly Check[]; readonly notes: readonly string[] };
  readonly error?: string;
}

/** Acked commands not in the store, events missing from a topic, due items that never fired. */
export const lostOf = (ledger: Ledger): number => ledger.commands.lost + ledger.kafka.missing + ledger.items.unfired;
/** Commands applied twice, items fired twice (raw re-deliveries, which consumers dedupe, are counted apart). */
export const duplicatedOf = (ledger: Ledger): number => ledger.commands.twice + ledger.items.firedTwice;

const COLUMNS: readonly [string, (result: ClusterFaultResult) => string][] = [
  ['fault', (r) => `${r.id} ${r.title}`],
  ['recovery s', (r) => (r.recoverySeconds === null ? 'never' : r.recoverySeconds.toFixed(1))],
  ['lost', (r) => (r.ledger ? String(lostOf(r.ledger)) : '–')],
  ['duplicated', (r) => (r.ledger ? String(duplicatedOf(r.ledger)) : '–')],
  ['re-deliveries', (r) => (r.ledger ? String(r.ledger.kafka.duplicates) : '–')],
  ['acked', (r) => (r.ledger ? String(r.ledger.commands.acked) : '–')],
  ['items fired', (r) => (r.ledger ? `${r.ledger.items.fired}/${r.ledger.items.due}` : '–')],
  ['verdict', (r) => (r.verdict === 'passed' ? '✔ pass' : '✘ FAIL')],
];

export function failoverTable(results: readonly ClusterFaultResult[]): string[] {
  const cells = [COLUMNS.map(([title]) => title), ...results.map((result) => COLUMNS.map(([, cell]) => cell(result)))];
  const widths = COLUMNS.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(cells[0] ?? []), widths.map((width) => '─'.repeat(width)).join('  '), ...cells.slice(1).map(line)];
}

function faultLine(result: ClusterFaultResult): string {
  const failed = result.checks.filter((check) => !check.passed);
  const what = failed.length === 0 ? `${result.checks.length} checks passed; ${result.notes.join('; ')}` : failed.map((check) => `${check.name}: ${check.detail ?? 'no'}`).join('; ');
  return `${result.id} ${result.verdict === 'passed' ? '✔' : '✘'} (${result.seconds.toFixed(0)} s) ${what}`;
}

function rolloutLine(rollout: NonNullable<SuiteReport['rollout']>): string {
  const failed = rollout.checks.filter((check) => !check.passed);
  return `rollout (two worker builds): ${failed.length === 0 ? `✔ ${rollout.checks.length} checks passed; ${rollout.notes.join('; ')}` : `✘ ${failed.map((check) => `${check.name}: ${check.detail ?? 'no'}`).join('; ')}`}`;
}

export function suiteSummary(report: SuiteReport): string[] {
  return [
    `Cluster failover suite (${report.profile} profile, run ${report.runId}, ${report.wallSeconds.toFixed(0)} s wall; ${relative(ROOT, FAILOVER_FILE)}):`,
    ...failoverTable(report.faults),
    ...report.faults.map(faultLine),
    ...(report.system ? [`system tests on the cluster: ${report.system.failed === 0 ? '✔' : '✘'} ${report.system.passed} passed, ${report.system.failed} failed (${report.system.specs.join(', ')}; ${relative(ROOT, report.system.log)})`] : []),
    ...(report.rollout ? [rolloutLine(report.rollout)] : []),
    ...(report.error ? [`cluster suite: ✘ ${report.error}`] : []),
  ];
}

/** For `npm test`: each check of each fault counts as one test, and each system test run on the cluster. */
export function suiteTotals(report: Pick<SuiteReport, 'faults' | 'error' | 'system' | 'rollout'>): Totals {
  const checks = [...report.faults.flatMap((fault) => fault.checks), ...(report.rollout?.checks ?? [])];
  const passed = checks.filter((check) => check.passed).length;
  return { passed: passed + (report.system?.passed ?? 0), failed: checks.length - passed + (report.system?.failed ?? 0) + (report.error ? 1 : 0), skipped: 0 };
}
