import { existsSync, readFileSync } from 'node:fs';
import { runStackChild } from '../stack-child';
import { chaosStackEnv, LEDGER_FILE } from './chaos-stack-env';
import { parseChaosArgs } from './profile';
import type { ChaosLedgerFile } from './report';

/** Beyond the run's own deadline: bringing the chaos stack up (first time: cluster, broker storage) and down. */
const SETUP_ALLOWANCE_MS = 10 * 60_000;

export interface ChaosChildRun {
  readonly code: number;
  /** The ledger this run wrote; undefined when it wrote none (it failed before, or was killed). */
  readonly ledger?: ChaosLedgerFile;
}

/**
 * Runs `infra/src/cli.ts chaos <args>` in a child process with the chaos stack's environment
 * (its own POLKU_HOME and shifted ports: layout.ts reads them at import). Output goes to our
 * terminal, or to `logFile` (npm test, which prints the table from the ledger itself).
 */
export async function runChaosChild(args: readonly string[], options: { logFile?: string } = {}): Promise<ChaosChildRun> {
  const { profile } = parseChaosArgs(args);
  const started = Date.now();
  const code = await runStackChild('chaos', args, chaosStackEnv(), { limitMs: profile.runDeadlineMs + SETUP_ALLOWANCE_MS, ...options });
  return { code, ...ledgerSince(started) };
}

function ledgerSince(started: number): { ledger?: ChaosLedgerFile } {
  if (!existsSync(LEDGER_FILE)) return {};
  const ledger = JSON.parse(readFileSync(LEDGER_FILE, 'utf8')) as ChaosLedgerFile;
  return Date.parse(ledger.startedAt) >= started ? { ledger } : {};
}
