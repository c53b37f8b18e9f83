import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isRoot } from '../apt';
import { DATA, ROOT } from '../layout';
import { isAlive, runLogged, runningPid } from '../process';
import { pollUntil } from './bounded';
import { assertChaosStack } from './chaos-ports';

/** How long a killed process may take to be gone. */
const GONE_WITHIN_MS = 20_000;
const GONE_POLL_MS = 100;

export type DaemonName = 'temporal' | 'kafka' | 'worker' | 'relay' | 'relay-standby' | 'api' | 'municipal-consumer' | 'wellbeing-consumer';

/**
 * The string each daemon's command line must contain (as infra/src/{temporal,kafka,apps}.ts
 * start them), so a pid file pointing at a recycled pid is never acted on.
 */
function markerOf(name: DaemonName): string {
  if (name === 'temporal') return join(DATA, 'temporal', 'temporal.db');
  if (name === 'kafka') return join(DATA, 'kafka', 'server.properties');
  const app = name === 'relay-standby' ? 'relay' : name;
  return join(ROOT, 'apps', app, 'src', 'main.ts');
}

/** The chaos stack's process for `name`, found by its pid file; undefined when it does not run. */
export function pidOf(name: DaemonName): number | undefined {
  assertChaosStack();
  return runningPid({ name, marker: markerOf(name) });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal); // daemons lead their own process group
  } catch {
    process.kill(pid, signal);
  }
}

/** kill -9 of the daemon's process group; resolves once it is gone. Answers the pid killed. */
export async function kill9(name: DaemonName, signal: AbortSignal): Promise<number> {
  const pid = pidOf(name);
  if (pid === undefined) throw new Error(`${name} is not running: nothing to kill`);
  signalGroup(pid, 'SIGKILL');
  const gone = await pollUntil(async () => (isAlive(pid) ? undefined : true), { timeoutMs: GONE_WITHIN_MS, intervalMs: GONE_POLL_MS, signal });
  if (!gone.value) throw new Error(`${name} (pid ${pid}) still runs ${GONE_WITHIN_MS / 1000} s after SIGKILL`);
  return pid;
}

/** SIGSTOP / SIGCONT of one process (not its group: a stopped relay is one node process). */
export function pause(pid: number): void {
  assertChaosStack();
  process.kill(pid, 'SIGSTOP');
}

export function resume(pid: number): void {
  try {
    process.kill(pid, 'SIGCONT');
  } catch {
    // already gone: nothing left to resume
  }
}

function postgresBin(tool: string): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((version) => existsSync(join(base, version, 'bin', tool))) : [];
  const version = versions.includes('15') ? '15' : versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error(`${tool} not found under ${base}`);
  return join(base, version, 'bin', tool);
}

/** `pg_ctl -m immediate stop` of the chaos cluster: no checkpoint, crash recovery at the next start. */
export async function stopPostgresImmediately(): Promise<void> {
  assertChaosStack();
  const dataDir = join(DATA, 'postgres');
  const args = ['-D', dataDir, '-m', 'immediate', '-w', 'stop'];
  // PostgreSQL runs as its own OS user when we are root (infra/src/postgres.ts).
  if (isRoot) await runLogged('runuser', ['-u', 'postgres', '--', postgresBin('pg_ctl'), ...args], 'chaos-postgres');
  else await runLogged(postgresBin('pg_ctl'), args, 'chaos-postgres');
}
