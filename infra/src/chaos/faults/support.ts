import { FIRING_EVENTS } from '@polku/domain';
import { pollUntil } from '../bounded';
import type { FaultContext } from '../fault';
import type { CommandLoadPlan } from '../load';
import type { Profile } from '../profile';
import { STORM_ITEMS_PER_PATH } from '../storm';

/** A fault waits at most this long for its moment (a share of the storm fired) before striking anyway. */
const MOMENT_WITHIN_MS = 60_000;
const MOMENT_POLL_MS = 100;

/** The staff-command part of every fault's load. */
export function apiLoad(profile: Profile): CommandLoadPlan {
  return { paths: profile.apiPaths, commands: profile.commands, concurrency: profile.commandConcurrency, spreadMs: profile.loadSpreadMs };
}

/** Firing events stored so far for the fault's paths, and those whose staff notification is not written yet. */
export async function firingsIn(ctx: FaultContext): Promise<{ fired: number; unnotified: number }> {
  const { rows } = await ctx.pool.query<{ fired: number; unnotified: number }>(
    `SELECT count(*)::int AS fired, count(*) FILTER (WHERE n.notification_id IS NULL)::int AS unnotified
       FROM events e LEFT JOIN notifications n ON n.notification_id = e.event_id
      WHERE e.event_type = ANY($2) AND e.stream_id IN (SELECT stream_id FROM events WHERE event_type = 'PathStarted' AND data->>'employmentArea' = $1)`,
    [ctx.area, FIRING_EVENTS],
  );
  return rows[0] ?? { fired: 0, unnotified: 0 };
}

export interface Moment {
  /** Whether the share was reached (false: the fault struck at the time limit). */
  readonly reached: boolean;
  readonly fired: number;
  /** Firings appended whose notification was not yet written: the worker was mid-activity. */
  readonly midActivity: number;
  readonly expected: number;
}

/** Waits until `share` of the storm's items have fired: the fault then lands in the middle of the storm. */
export async function midStorm(ctx: FaultContext, stormPaths: number, share: number): Promise<Moment> {
  const expected = stormPaths * STORM_ITEMS_PER_PATH;
  const target = Math.max(1, Math.ceil(expected * share));
  const poll = await pollUntil(async () => {
    const now = await firingsIn(ctx);
    return now.fired >= target ? now : undefined;
  }, { timeoutMs: MOMENT_WITHIN_MS, intervalMs: MOMENT_POLL_MS, signal: ctx.signal });
  const seen = poll.value ?? (await firingsIn(ctx));
  return { reached: poll.value !== undefined, fired: seen.fired, midActivity: seen.unnotified, expected };
}

export function momentNote(moment: Moment): string {
  return `struck with ${moment.fired} of ${moment.expected} storm items fired (${moment.midActivity} firings between their append and their notification)${moment.reached ? '' : ', at the time limit'}`;
}
