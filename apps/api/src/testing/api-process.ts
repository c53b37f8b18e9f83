import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually } from '@polku/testing';

const ROOT = join(__dirname, '..', '..', '..', '..');
const MAIN = join(ROOT, 'apps', 'api', 'src', 'main.ts');
// Compiling the API through SWC and connecting to Temporal takes a while on a busy machine.
const START_TIMEOUT_MS = 60_000;

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The API in a process of its own with exactly `env` (nothing inherited but PATH and HOME), so a
 * test can start it as a deployment would, without the local flags the test run itself has.
 */
export class ApiProcess {
  private output = '';
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) stream?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** What it printed so far (its logs, or why it refused to start). */
  get log(): string {
    return this.output;
  }

  /** Waits until `url` answers (any status). */
  async answering(url: string): Promise<this> {
    const outcome = await eventually(async () => (this.child.exitCode === null ? fetch(url).then(() => 'answering' as const) : 'exited'), {
      timeoutMs: START_TIMEOUT_MS,
      intervalMs: 250,
      what: `the API to answer at ${url}`,
    });
    if (outcome === 'exited') throw new Error(`the API exited:\n${this.output}`);
    return this;
  }

  async end(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await this.exited;
  }
}
