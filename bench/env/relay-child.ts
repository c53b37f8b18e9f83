import { fork, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { stopChild } from './stop-child';

const READY_WITHIN_MS = 90_000;
const ANSWER_WITHIN_MS = 20_000;
const STOP_WITHIN_MS = 10_000;

/** The bench relay (relay-process.ts) in a child process: started and stopped over IPC. */
export class RelayChild {
  private constructor(private readonly child: ChildProcess, private readonly logFd: number, private readonly logPath: string) {}

  static async start(env: NodeJS.ProcessEnv, topicPrefix: string, logPath: string): Promise<RelayChild> {
    const logFd = openSync(logPath, 'a');
    const child = fork(join(__dirname, 'relay-process.ts'), [], {
      execArgv: ['-r', '@swc-node/register'],
      env: { ...env, BENCH_TOPIC_PREFIX: topicPrefix },
      stdio: ['ignore', logFd, logFd, 'ipc'],
    });
    const relay = new RelayChild(child, logFd, logPath);
    await relay.answer('ready', READY_WITHIN_MS).catch(async (error: unknown) => {
      await relay.close();
      throw error;
    });
    return relay;
  }

  /** The relay loop starts (and with `projections`, the projection runner the relay app also runs). */
  async startRelay(projections: boolean): Promise<void> {
    const answered = this.answer('started', ANSWER_WITHIN_MS);
    this.child.send({ type: 'start', projections });
    await answered;
  }

  /** The relay loop drains its batch in flight and stops. */
  async stopRelay(): Promise<void> {
    const answered = this.answer('stopped', ANSWER_WITHIN_MS);
    this.child.send({ type: 'stop' });
    await answered;
  }

  async close(): Promise<void> {
    await stopChild(this.child, this.logFd, STOP_WITHIN_MS);
  }

  private answer(type: string, withinMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`bench relay: no "${type}" within ${withinMs / 1000} s; see ${this.logPath}`)), withinMs);
      const onMessage = (message: { type?: string }): void => void (message.type === type && done());
      const onExit = (code: number | null): void => done(new Error(`bench relay exited (${code}); see ${this.logPath}`));
      const done = (error?: Error): void => {
        clearTimeout(timer);
        this.child.off('message', onMessage).off('exit', onExit);
        if (error) reject(error);
        else resolve();
      };
      this.child.on('message', onMessage).on('exit', onExit);
    });
  }
}
