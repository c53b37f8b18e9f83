import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { devToken, type DevStaff } from '../../infra/src/local-api';
import { sleepMs } from '../support/limits';
import { freePort, LOOPBACK } from './free-port';
import { stopChild } from './stop-child';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'apps', 'api', 'src', 'main.ts');
/** Compiling the API through SWC on a busy machine takes a while. */
const READY_WITHIN_MS = 120_000;
const STOP_WITHIN_MS = 15_000;
const POLL_MS = 250;

/**
 * The API's own code (apps/api/src/main.ts) in a child process on a free loopback port, against
 * the run's database and namespace, never the live API. Its dev issuer (local development, as
 * `npm start` runs it) hands out the benchmark's token.
 */
export class ApiProcess {
  private constructor(private readonly child: ChildProcess, private readonly logFd: number, readonly base: string) {}

  static async start(env: NodeJS.ProcessEnv, logPath: string): Promise<ApiProcess> {
    const port = await freePort();
    const logFd = openSync(logPath, 'a');
    // cwd: the dev issuer keeps its key under .polku/ relative to it.
    const child = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
      cwd: ROOT,
      env: { ...env, API_HOST: LOOPBACK, API_PORT: String(port) },
      stdio: ['ignore', logFd, logFd],
    });
    const api = new ApiProcess(child, logFd, `http://${LOOPBACK}:${port}`);
    try {
      await api.answering(logPath);
    } catch (error) {
      await api.stop();
      throw error;
    }
    return api;
  }

  async token(staff: DevStaff): Promise<string> {
    const token = await devToken(this.base, staff);
    if (token.error !== undefined) throw new Error(`bench API: ${token.error}`);
    return token.accessToken;
  }

  async stop(): Promise<void> {
    await stopChild(this.child, this.logFd, STOP_WITHIN_MS);
  }

  private async answering(logPath: string): Promise<void> {
    const giveUpAt = Date.now() + READY_WITHIN_MS;
    while (Date.now() < giveUpAt) {
      if (this.child.exitCode !== null) throw new Error(`the bench API exited (${this.child.exitCode}); see ${logPath}`);
      const status = await fetch(`${this.base}/hello`, { signal: AbortSignal.timeout(2_000) }).then((answer) => answer.status, () => 0);
      if (status === 200) return;
      await sleepMs(POLL_MS);
    }
    throw new Error(`the bench API did not answer within ${READY_WITHIN_MS / 1000} s; see ${logPath}`);
  }
}
