import { join } from 'node:path';
import { HOST, ROOT } from '../../layout';
import { isAlive, runningPid } from '../../process';
import { hold, pollUntil } from '../../chaos/bounded';
import { healthPort, instanceName, type ClusterApp } from '../cluster-apps';
import { assertClusterStack } from '../cluster-env';
import type { Instance, TemporalService } from '../cluster-ports';
import { brokerDaemon } from '../kafka/brokers';
import { temporalDaemonName, temporalMarker } from '../temporal/services';

const GONE_WITHIN_MS = 20_000;
const GONE_POLL_MS = 100;

/** A cluster process as the faults name it, with the marker its command line must contain. */
export type Victim = { readonly kind: 'app'; readonly app: ClusterApp; readonly instance: Instance } | { readonly kind: 'temporal'; readonly service: TemporalService } | { readonly kind: 'broker'; readonly id: number };

function daemonOf(victim: Victim): { name: string; marker: string } {
  if (victim.kind === 'broker') return brokerDaemon(victim.id);
  if (victim.kind === 'temporal') return { name: temporalDaemonName(victim.service), marker: temporalMarker(victim.service) };
  return { name: instanceName(victim.app, victim.instance), marker: join(ROOT, 'apps', victim.app, 'src', 'main.ts') };
}

export const victimName = (victim: Victim): string => daemonOf(victim).name;

export function pidOf(victim: Victim): number | undefined {
  assertClusterStack();
  return runningPid(daemonOf(victim));
}

/** kill -9 of the victim's process group (it leads one); resolves once it is gone. Answers the pid. */
export async function kill9(victim: Victim, signal: AbortSignal): Promise<number> {
  const pid = pidOf(victim);
  if (pid === undefined) throw new Error(`${victimName(victim)} is not running: nothing to kill`);
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    process.kill(pid, 'SIGKILL');
  }
  const gone = await pollUntil(async () => (isAlive(pid) ? undefined : true), { timeoutMs: GONE_WITHIN_MS, intervalMs: GONE_POLL_MS, signal });
  if (!gone.value) throw new Error(`${victimName(victim)} (pid ${pid}) still runs ${GONE_WITHIN_MS / 1000} s after SIGKILL`);
  return pid;
}

/** The role a relay instance's /health reports (`leader` | `standby`), undefined when it does not answer. */
export async function relayRole(instance: Instance): Promise<string | undefined> {
  const response = await fetch(`http://${HOST}:${healthPort('relay', instance)}/health`, { signal: AbortSignal.timeout(2_000) });
  const role = ((await response.json()) as { role?: unknown }).role;
  return typeof role === 'string' ? role : undefined;
}

/** Polls until `instance` reports `role`; answers when it did (ms since the epoch), undefined if not within `timeoutMs`. */
export async function waitForRole(instance: Instance, role: string, timeoutMs: number, signal: AbortSignal): Promise<number | undefined> {
  const poll = await pollUntil(async () => ((await relayRole(instance)) === role ? true : undefined), { timeoutMs, intervalMs: 200, signal });
  return poll.at;
}

export { hold };
