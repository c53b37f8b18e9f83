import { spawn, type SpawnOptions } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOGS, RUN } from './layout';

/** A long-running process Polku starts in the background and can find again by its pid file. */
export interface Daemon {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** A string that must appear in the process's command line, so a recycled pid is never ours. */
  readonly marker: string;
}

export const pidFile = (name: string): string => join(RUN, `${name}.pid`);
export const logFile = (name: string): string => join(LOGS, `${name}.log`);

export function runningPid(daemon: Pick<Daemon, 'name' | 'marker'>): number | undefined {
  const file = pidFile(daemon.name);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return isOurs(pid, daemon.marker) ? pid : undefined;
}

function isOurs(pid: number, marker: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(marker);
  } catch {
    return false;
  }
}

/** Starts the daemon detached (its own process group), output appended to its log file. */
export function startDaemon(daemon: Daemon): number {
  const out = openSync(logFile(daemon.name), 'a');
  const options: SpawnOptions = {
    cwd: daemon.cwd,
    env: { ...process.env, ...daemon.env },
    detached: true,
    stdio: ['ignore', out, out],
  };
  const child = spawn(daemon.command, [...daemon.args], options);
  closeSync(out);
  if (child.pid === undefined) throw new Error(`could not start ${daemon.name}`);
  child.unref();
  writeFileSync(pidFile(daemon.name), `${child.pid}\n`);
  return child.pid;
}

/** Stops the daemon's whole process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopDaemon(daemon: Pick<Daemon, 'name' | 'marker'>, graceMs = 15_000): Promise<boolean> {
  const pid = runningPid(daemon);
  rmSync(pidFile(daemon.name), { force: true });
  if (pid === undefined) return false;
  signalGroup(pid, 'SIGTERM');
  const gone = await waitFor(() => Promise.resolve(!isAlive(pid)), graceMs, 200);
  if (!gone) {
    signalGroup(pid, 'SIGKILL');
    await waitFor(() => Promise.resolve(!isAlive(pid)), 5_000, 100);
  }
  return true;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie still answers signals; it is gone for our purposes.
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z');
  } catch {
    return false;
  }
}

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 500): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export type StartOutcome = 'up' | 'ended' | 'timed out';

/**
 * Waits for a daemon to come up as long as its process lives: a slow start (a broker recovering
 * its logs) gets the whole time, a process that ended is reported at once instead of at the
 * deadline.
 */
export async function waitWhileAlive(up: () => Promise<boolean>, alive: () => boolean, timeoutMs: number, intervalMs = 500): Promise<StartOutcome> {
  let ended = false;
  const settled = await waitFor(async () => (ended = !alive()) || up(), timeoutMs, intervalMs);
  return ended ? 'ended' : settled ? 'up' : 'timed out';
}

/**
 * Starts a daemon and waits for it, starting it again when its process ends before it is up, as
 * a supervisor (Kubernetes' restart policy) would; at most `attempts` starts. A process that
 * lives but does not come up in time is not started twice.
 */
export async function startSupervised(launch: () => void, wait: () => Promise<StartOutcome>, attempts: number, onEnded: (attempt: number) => void): Promise<StartOutcome> {
  let outcome: StartOutcome = 'ended';
  for (let attempt = 1; attempt <= attempts && outcome === 'ended'; attempt += 1) {
    launch();
    outcome = await wait();
    if (outcome === 'ended') onEnded(attempt);
  }
  return outcome;
}

/** A daemon that did not come up, with why and the end of its log. */
export function notUp(name: string, outcome: Exclude<StartOutcome, 'up'>, timeoutMs: number): Error {
  const why = outcome === 'ended' ? 'its process ended' : `not within ${timeoutMs / 1000} s`;
  return new Error(`${name} did not come up (${why}):\n${tailLog(name)}`);
}

/** The last lines of a daemon's log, for error messages. */
export function tailLog(name: string, lines = 30): string {
  const file = logFile(name);
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Runs a command to completion, output to a log file; rejects with the log's tail on failure. */
export function runLogged(command: string, args: readonly string[], log: string, options: SpawnOptions = {}): Promise<void> {
  const out = openSync(join(LOGS, `${log}.log`), 'a');
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ['ignore', out, out], ...options });
    child.on('error', (error) => {
      closeSync(out);
      reject(error);
    });
    child.on('exit', (code) => {
      closeSync(out);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${tailLog(log)}`));
    });
  });
}

/** Runs a command with the terminal attached; resolves with its exit code. */
export function runAttached(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
