import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface Bounded {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Set when the time limit ended the run. */
  readonly stopped?: 'interrupted' | 'killed';
}

export interface Bounds {
  readonly cwd: string;
  readonly timeoutMs: number;
  /** After the time limit: SIGINT (so the command can stop and report), then SIGKILL this much later. */
  readonly graceMs: number;
  readonly logPath: string;
  /** Also copy the output to our stdout (off in `npm test`: the tool's own summary banner must not follow ours). */
  readonly echo?: boolean;
}

/**
 * Runs the command with its output in `logPath` (and on our stdout when `echo`). Past `timeoutMs` its process
 * group gets SIGINT, and SIGKILL if it is still there after `graceMs`.
 */
export function runBounded(command: string, args: readonly string[], bounds: Bounds): Promise<Bounded> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(bounds.logPath);
    const child = spawn(command, [...args], { cwd: bounds.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', PYTHONUNBUFFERED: '1' } });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk: Buffer) => {
        if (bounds.echo) process.stdout.write(chunk);
        log.write(chunk);
      });
    }
    const limit = stopAfter(child, bounds);
    const done = (): void => {
      limit.cancel();
      log.end();
    };
    child.on('error', (error) => {
      done();
      reject(error);
    });
    child.on('close', (code, signal) => {
      done();
      const stopped = limit.stopped();
      // Only once the log is flushed: the caller reads it next.
      log.on('finish', () => resolve({ code, signal, ...(stopped ? { stopped } : {}) }));
    });
  });
}

/** The time limit on `child`'s process group: SIGINT at `timeoutMs`, SIGKILL `graceMs` later. */
function stopAfter(child: ChildProcess, bounds: Bounds): { cancel: () => void; stopped: () => Bounded['stopped'] } {
  let stopped: Bounded['stopped'];
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
  };
  let kill: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    stopped = 'interrupted';
    signalGroup('SIGINT');
    kill = setTimeout(() => {
      stopped = 'killed';
      signalGroup('SIGKILL');
    }, bounds.graceMs);
  }, bounds.timeoutMs);
  return {
    cancel: () => {
      clearTimeout(timer);
      clearTimeout(kill);
    },
    stopped: () => stopped,
  };
}
