import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from '@polku/testing';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SCRIPT = join(__dirname, 'relay-process.ts');

// Compiling the relay through SWC at start-up takes a few seconds on a busy machine.
const START_TIMEOUT_MS = 30_000;

/** A relay replica in its own process (relay-process.ts), which the test can freeze and thaw. */
export class RelayChild {
  readonly lines: string[] = [];
  private readonly child: ChildProcess;

  constructor(readonly holder: string, databaseUrl: string, leaseMs: number) {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', SCRIPT, holder, String(leaseMs)], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, SWC_NODE_PROJECT: 'tsconfig.base.json' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let rest = '';
    this.child.stdout?.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop() ?? '';
      this.lines.push(...parts);
    });
  }

  async ready(): Promise<this> {
    await this.logged('ready', START_TIMEOUT_MS);
    return this;
  }

  /** Waits until the process has logged `message`. */
  logged(message: string, timeoutMs = 20_000): Promise<true> {
    return eventually(async () => this.lines.some((line) => (JSON.parse(line) as { message?: string }).message === message) || undefined, { timeoutMs, what: `${this.holder} to log "${message}"` });
  }

  /** SIGSTOP: the whole process stops, its timers and its open sessions included. */
  freeze(): void {
    this.child.kill('SIGSTOP');
  }

  thaw(): void {
    this.child.kill('SIGCONT');
  }

  async end(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGCONT');
    this.child.kill('SIGKILL');
    await exited;
  }
}
