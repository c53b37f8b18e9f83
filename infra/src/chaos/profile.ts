/** The nine faults of the chaos ledger (issue 9), in the order a run takes them. */
export const FAULT_IDS = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F9', 'F8'] as const;
export type FaultId = (typeof FAULT_IDS)[number];

/**
 * Every bound of a run in one place: the load each fault runs under, how long each fault
 * lasts, and the deadlines that keep a run finite whatever the stack does.
 */
export interface Profile {
  readonly name: 'short' | 'full';
  /** Paths of the due-item storm (each has STORM_ITEMS_PER_PATH items due within seconds). */
  readonly stormPaths: number;
  /** F1's storm: the issue asks for ≥ 1,000 due items in --full. */
  readonly workerKillStormPaths: number;
  readonly stormConcurrency: number;
  /** Paths started through the API, and keyed staff commands sent to them. */
  readonly apiPaths: number;
  readonly commands: number;
  readonly commandConcurrency: number;
  /** Commands are paced over this window, so the fault lands among them rather than after. */
  readonly loadSpreadMs: number;
  /** One fault, load and ledger included; past it the fault is failed and the stack healed. */
  readonly faultDeadlineMs: number;
  /** How long the ledger may take to balance after a fault ends. */
  readonly settleDeadlineMs: number;
  readonly runDeadlineMs: number;
  readonly postgresDownMs: number;
  readonly kafkaDownMs: number;
  readonly proxyLatencyMs: number;
  readonly latencyPhaseMs: number;
  readonly cutPhaseMs: number;
  readonly longTransactionMs: number;
  readonly outOfOrderPairs: number;
  /** Longer than the relay's lease, so a standby must take over. */
  readonly relayStopMs: number;
  readonly historyGrowthCommands: number;
  readonly historyGrowthWave: number;
  readonly continueAsNewAfter: number;
  /** Histories the deploy gate replays, and how many workflows it may look at to find them. */
  readonly replayHistories: number;
  readonly historiesScanned: number;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

export const SHORT: Profile = {
  name: 'short',
  stormPaths: 5,
  workerKillStormPaths: 12,
  stormConcurrency: 6,
  apiPaths: 3,
  commands: 12,
  commandConcurrency: 3,
  loadSpreadMs: 8 * SECOND,
  faultDeadlineMs: 4 * MINUTE,
  settleDeadlineMs: 2 * MINUTE,
  runDeadlineMs: 30 * MINUTE,
  postgresDownMs: 4 * SECOND,
  kafkaDownMs: 2 * SECOND,
  proxyLatencyMs: 150,
  latencyPhaseMs: 6 * SECOND,
  cutPhaseMs: 4 * SECOND,
  longTransactionMs: 8 * SECOND,
  outOfOrderPairs: 3,
  relayStopMs: 15 * SECOND,
  historyGrowthCommands: 30,
  historyGrowthWave: 6,
  continueAsNewAfter: 40,
  replayHistories: 16,
  historiesScanned: 40,
};

export const FULL: Profile = {
  name: 'full',
  stormPaths: 60,
  workerKillStormPaths: 300,
  stormConcurrency: 20,
  apiPaths: 10,
  commands: 80,
  commandConcurrency: 8,
  loadSpreadMs: 25 * SECOND,
  faultDeadlineMs: 12 * MINUTE,
  settleDeadlineMs: 5 * MINUTE,
  runDeadlineMs: 100 * MINUTE,
  postgresDownMs: 15 * SECOND,
  kafkaDownMs: 10 * SECOND,
  proxyLatencyMs: 300,
  latencyPhaseMs: 20 * SECOND,
  cutPhaseMs: 10 * SECOND,
  longTransactionMs: 30 * SECOND,
  outOfOrderPairs: 10,
  relayStopMs: 30 * SECOND,
  historyGrowthCommands: 200,
  historyGrowthWave: 16,
  continueAsNewAfter: 60,
  replayHistories: 40,
  historiesScanned: 150,
};

export interface ChaosOptions {
  readonly profile: Profile;
  /** Leave the chaos stack running afterwards (apps rewired to talk to PostgreSQL and Kafka directly). */
  readonly keep: boolean;
  readonly faults: readonly FaultId[];
  /** npm test: progress to the log only; the caller prints the table from ledger.json. */
  readonly quiet: boolean;
  /** Only stop a chaos stack an earlier `--keep` left running. */
  readonly stop: boolean;
}

/** `--full`, `--keep`, `--quiet`, `--only=F1,F3`, `--stop`. */
export function parseChaosArgs(argv: readonly string[]): ChaosOptions {
  const known = new Set(['--full', '--keep', '--quiet', '--stop']);
  const unknown = argv.filter((arg) => !known.has(arg) && !arg.startsWith('--only='));
  if (unknown.length > 0) throw new Error(`chaos: unknown arguments ${unknown.join(' ')} (use --full, --keep, --quiet, --only=F1,F3, --stop)`);
  const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const faults = only === undefined ? FAULT_IDS : FAULT_IDS.filter((id) => only.toUpperCase().split(',').includes(id));
  if (faults.length === 0) throw new Error(`chaos: --only=${only} names no fault (${FAULT_IDS.join(', ')})`);
  return { profile: argv.includes('--full') ? FULL : SHORT, keep: argv.includes('--keep'), faults, quiet: argv.includes('--quiet'), stop: argv.includes('--stop') };
}
