import { HOST, Ports } from '../../layout';
import { hold, pollUntil } from '../bounded';
import { ChaosPorts } from '../chaos-ports';
import { pause, pidOf, resume } from '../daemons';
import type { Check, FaultContext, LedgerFault } from '../fault';
import { apiLoad, midStorm, momentNote } from './support';

const STOP_AT_SHARE = 0.1;
/** After SIGCONT the old leader must notice it lost the lease within this long. */
const STEP_DOWN_WITHIN_MS = 15_000;
/** The standby must report its role (either) within this long of starting. */
const ROLE_WITHIN_MS = 30_000;
const ROLE_POLL_MS = 250;

type Relay = 'relay' | 'relay-standby';
const HEALTH_PORT: Record<Relay, number> = { relay: Ports.relay, 'relay-standby': ChaosPorts.standbyRelay };
const other = (relay: Relay): Relay => (relay === 'relay' ? 'relay-standby' : 'relay');

/** The role a relay's /health reports (`leader` | `standby`), undefined when it does not answer or say. */
async function roleOf(relay: Relay): Promise<string | undefined> {
  const response = await fetch(`http://${HOST}:${HEALTH_PORT[relay]}/health`, { signal: AbortSignal.timeout(2_000) });
  const role = ((await response.json()) as { role?: unknown }).role;
  return typeof role === 'string' ? role : undefined;
}

async function waitForRole(relay: Relay, role: string | undefined, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  const poll = await pollUntil(async () => {
    const seen = await roleOf(relay);
    return (role === undefined ? seen !== undefined : seen === role) ? true : undefined;
  }, { timeoutMs, intervalMs: ROLE_POLL_MS, signal });
  return poll.value === true;
}

async function findLeader(ctx: FaultContext): Promise<{ leader: Relay; known: boolean }> {
  await waitForRole('relay-standby', undefined, ROLE_WITHIN_MS, ctx.signal);
  for (const relay of ['relay', 'relay-standby'] as const) if ((await roleOf(relay).catch(() => undefined)) === 'leader') return { leader: relay, known: true };
  return { leader: 'relay', known: false };
}

/**
 * F7: with a second relay running, the leader is stopped (SIGSTOP) for longer than its lease:
 * the standby must take over and publish; resumed (SIGCONT), the old leader must neither
 * publish nor mark rows sent — the ledger sees every event once after dedup, none missing.
 */
export const relayPause: LedgerFault = {
  kind: 'ledger',
  id: 'F7',
  title: 'SIGSTOP relay leader > lease, standby',
  load: (profile) => ({ stormPaths: profile.stormPaths, api: apiLoad(profile) }),
  async prepare(ctx) {
    await ctx.stack.standbyRelay().start();
  },
  async inject(ctx) {
    const { leader, known } = await findLeader(ctx);
    const moment = await midStorm(ctx, ctx.profile.stormPaths, STOP_AT_SHARE);
    const pid = pidOf(leader);
    if (pid === undefined) throw new Error(`${leader} is not running`);
    const stoppedAt = Date.now();
    pause(pid);
    ctx.progress(`F7: ${leader} (pid ${pid}, ${known ? 'the leader' : 'leader unknown: /health reports no role'}) stopped for ${ctx.profile.relayStopMs / 1000} s; ${momentNote(moment)}`);
    let moved = false;
    try {
      moved = await waitForRole(other(leader), 'leader', ctx.profile.relayStopMs, ctx.signal);
      await hold(stoppedAt + ctx.profile.relayStopMs - Date.now(), ctx.signal); // the stop itself lasts its full length
    } finally {
      resume(pid);
    }
    const endedAt = Date.now();
    const steppedDown = await waitForRole(leader, 'standby', STEP_DOWN_WITHIN_MS, ctx.signal);
    const checks: Check[] = [
      { name: 'the standby took over while the leader was stopped', passed: moved, detail: known ? `${other(leader)} ${moved ? 'became' : 'did not become'} leader within ${ctx.profile.relayStopMs / 1000} s` : 'relay /health reports no role' },
      { name: 'the resumed leader stepped down', passed: steppedDown, detail: `${leader} ${steppedDown ? 'reports' : 'does not report'} standby within ${STEP_DOWN_WITHIN_MS / 1000} s of SIGCONT` },
    ];
    return { endedAt, checks, notes: [`${leader} (pid ${pid}) stopped ${ctx.profile.relayStopMs / 1000} s; ${momentNote(moment)}`] };
  },
  async cleanup(ctx) {
    await ctx.stack.standbyRelay().stop();
  },
};
