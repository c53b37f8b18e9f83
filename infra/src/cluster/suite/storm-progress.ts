import { FIRING_EVENTS } from '@polku/domain';
import type { Pool } from 'pg';
import { pollUntil } from '../../chaos/bounded';
import { STORM_ITEMS_PER_PATH } from '../../chaos/storm';

/** A fault waits at most this long for its moment before striking anyway. */
const MOMENT_WITHIN_MS = 90_000;
const MOMENT_POLL_MS = 100;

async function fired(pool: Pool, employmentArea: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM events WHERE event_type = ANY($2)
        AND stream_id IN (SELECT stream_id FROM events WHERE event_type = 'PathStarted' AND data->>'employmentArea' = $1)`,
    [employmentArea, FIRING_EVENTS],
  );
  return rows[0]?.n ?? 0;
}

/** Waits until `share` of a storm's items have fired, so the fault lands in the middle of it; answers the note for the report. */
export async function midStorm(pool: Pool, employmentArea: string, stormPaths: number, share: number, signal: AbortSignal): Promise<{ fired: number; expected: number; note: string }> {
  const expected = stormPaths * STORM_ITEMS_PER_PATH;
  const target = Math.max(1, Math.ceil(expected * share));
  const poll = await pollUntil(async () => ((await fired(pool, employmentArea)) >= target ? true : undefined), { timeoutMs: MOMENT_WITHIN_MS, intervalMs: MOMENT_POLL_MS, signal });
  const now = await fired(pool, employmentArea);
  return { fired: now, expected, note: `struck with ${now} of ${expected} storm items fired${poll.value ? '' : ' (at the time limit)'}` };
}
