import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../layout';
import { chaosStackEnv, LEDGER_FILE } from './chaos-stack-env';
import { parseChaosArgs } from './profile';
import type { ChaosLedgerFile } from './report';

/** Beyond the run's own deadline: bringing the chaos stack up (first time: cluster, broker storage) and down. */
const SETUP_ALLOWANCE_MS = 10 * 60_000;
/** After the time limit, SIGINT (the run stops its faults and cleans up), then SIGKILL this much later. */
const CLEANUP_GRACE_MS = 3 * 60_000;

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
export function runChaosChild(args: readonly string[], options: { logFile?: string } = {}): Promise<ChaosChildRun> {
  const { profile } = parseChaosArgs(args);
  const started = Date.now();
  const out = options.logFile === undefined ? 'inherit' : openSync(options.logFile, 'w');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'infra', 'src', 'cli.ts'), 'chaos', ...args], {
    cwd: ROOT,
    env: { ...chaosStackEnv(), SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
    stdio: ['ignore', out, out],
  });
  if (typeof out === 'number') closeSync(out);
  // Ctrl-C reaches the child too (same process group): it stops its faults and cleans up; wait for it.
  const ignore = (): void => undefined;
  process.on('SIGINT', ignore);
  const interrupt = setTimeout(() => child.kill('SIGINT'), profile.runDeadlineMs + SETUP_ALLOWANCE_MS);
  const kill = setTimeout(() => child.kill('SIGKILL'), profile.runDeadlineMs + SETUP_ALLOWANCE_MS + CLEANUP_GRACE_MS);
  return new Promise((resolve) => {
    const done = (code: number): void => {
      clearTimeout(interrupt);
      clearTimeout(kill);
      process.off('SIGINT', ignore);
      resolve({ code, ...ledgerSince(started) });
    };
    child.on('error', () => done(1));
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

function ledgerSince(started: number): { ledger?: ChaosLedgerFile } {
  if (!existsSync(LEDGER_FILE)) return {};
  const ledger = JSON.parse(readFileSync(LEDGER_FILE, 'utf8')) as ChaosLedgerFile;
  return Date.parse(ledger.startedAt) >= started ? { ledger } : {};
}
