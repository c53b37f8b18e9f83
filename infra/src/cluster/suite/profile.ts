import type { Profile } from '../../chaos/profile';

/** The cluster suite's faults (issue 13), in the order a run takes them. */
export const CLUSTER_FAULT_IDS = ['C1', 'C2', 'C3', 'C4'] as const;
export type ClusterFaultId = (typeof CLUSTER_FAULT_IDS)[number];

/**
 * Every bound of a suite run: the chaos ledger's load and deadlines (the same generators and
 * ledger judge it, docs/cluster.md), plus how long C4 keeps the history service down.
 */
export interface SuiteProfile extends Pick<Profile, 'stormPaths' | 'workerKillStormPaths' | 'stormConcurrency' | 'apiPaths' | 'commands' | 'commandConcurrency' | 'loadSpreadMs' | 'faultDeadlineMs' | 'settleDeadlineMs' | 'runDeadlineMs'> {
  readonly name: 'short' | 'full';
  /** C4: how long the history service stays down. */
  readonly historyDownMs: number;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

export const SHORT: SuiteProfile = {
  name: 'short',
  stormPaths: 6,
  workerKillStormPaths: 12,
  stormConcurrency: 6,
  apiPaths: 3,
  commands: 12,
  commandConcurrency: 3,
  loadSpreadMs: 10 * SECOND,
  faultDeadlineMs: 5 * MINUTE,
  settleDeadlineMs: 3 * MINUTE,
  historyDownMs: 3 * SECOND,
  runDeadlineMs: 25 * MINUTE,
};

export const FULL: SuiteProfile = {
  name: 'full',
  stormPaths: 60,
  workerKillStormPaths: 250,
  stormConcurrency: 16,
  apiPaths: 10,
  commands: 80,
  commandConcurrency: 8,
  loadSpreadMs: 30 * SECOND,
  faultDeadlineMs: 12 * MINUTE,
  settleDeadlineMs: 6 * MINUTE,
  historyDownMs: 10 * SECOND,
  runDeadlineMs: 70 * MINUTE,
};

export interface SuiteOptions {
  readonly profile: SuiteProfile;
  readonly faults: readonly ClusterFaultId[];
  /** Leave the cluster running afterwards (it is stopped at the end only if the run started it). */
  readonly keep: boolean;
  /** npm test: progress to the log only; the caller prints the table from the report. */
  readonly quiet: boolean;
}

/** `--full`, `--keep`, `--quiet`, `--only=C1,C3`. */
export function parseSuiteArgs(argv: readonly string[]): SuiteOptions {
  const known = new Set(['--full', '--keep', '--quiet']);
  const unknown = argv.filter((arg) => !known.has(arg) && !arg.startsWith('--only='));
  if (unknown.length > 0) throw new Error(`test:cluster: unknown arguments ${unknown.join(' ')} (use --full, --keep, --quiet, --only=C1,C3)`);
  const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const faults = only === undefined ? CLUSTER_FAULT_IDS : CLUSTER_FAULT_IDS.filter((id) => only.toUpperCase().split(',').includes(id));
  if (faults.length === 0) throw new Error(`test:cluster: --only=${only} names no fault (${CLUSTER_FAULT_IDS.join(', ')})`);
  return { profile: argv.includes('--full') ? FULL : SHORT, faults, keep: argv.includes('--keep'), quiet: argv.includes('--quiet') };
}
