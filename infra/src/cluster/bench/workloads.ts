import { FI_POLICY_VERSIONS, type PolicyVersion } from '@polku/domain';
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { mapLimit, pollUntil } from '../../chaos/bounded';
import { range } from '../../chaos/load';
import { startStormPath } from '../../chaos/storm';

/** One path start (workflow + StartPath Update), as every bench workload makes them. */
export interface StartPlan {
  readonly paths: number;
  readonly concurrency: number;
  readonly employmentArea: string;
  readonly tag: string;
}

/** The current Finnish policy: a started path has nothing due for days. */
const CURRENT = FI_POLICY_VERSIONS[FI_POLICY_VERSIONS.length - 1] as PolicyVersion;

/** The current policy with the initial interview's deadline `seconds` after the start, and nothing else due before it. */
function dueIn(seconds: number): PolicyVersion {
  return { ...CURRENT, id: 'BENCH-STORM', validFrom: '2000-01-01', rules: { ...CURRENT.rules, 'INIT-INTERVIEW': { deadline: { after: { seconds } }, onDeadline: 'MISSED', reminders: [] } } };
}

/** Starts `plan.paths` paths; `policy(i)` picks each one's catalogue. Answers how many were acked. */
export async function startPaths(client: Client, plan: StartPlan, signal: AbortSignal, policy: (i: number) => PolicyVersion = () => CURRENT): Promise<number> {
  const sent = await mapLimit(range(plan.paths), plan.concurrency, (i) => startStormPath(client, { ...plan, input: { catalogue: [policy(i)] } }, i, signal));
  return sent.filter((command) => command.acked).length;
}

/**
 * A storm: every path's one item falls due at `dueAt` (to the second), however long the starts
 * take — like tens of thousands of deadlines at 08:00. `dueAt` must lie past the last start.
 */
export function startStormAt(client: Client, plan: StartPlan, dueAt: number, signal: AbortSignal): Promise<number> {
  return startPaths(client, plan, signal, () => dueIn(Math.max(1, Math.ceil((dueAt - Date.now()) / 1000))));
}

const AREA_PATHS = `SELECT stream_id FROM events WHERE event_type = 'PathStarted' AND data->>'employmentArea' = $1`;

/** Firings (DeadlineMissed) of an area so far, with the first and last one's time. */
export async function firings(pool: Pool, employmentArea: string): Promise<{ count: number; first: number; last: number }> {
  const { rows } = await pool.query<{ count: number; first: Date | null; last: Date | null }>(
    `SELECT count(*)::int AS count, min(recorded_at) AS first, max(recorded_at) AS last FROM events WHERE event_type = 'DeadlineMissed' AND stream_id IN (${AREA_PATHS})`,
    [employmentArea],
  );
  const row = rows[0];
  return { count: row?.count ?? 0, first: row?.first?.getTime() ?? 0, last: row?.last?.getTime() ?? 0 };
}

export async function waitForFirings(pool: Pool, employmentArea: string, expected: number, timeoutMs: number, signal: AbortSignal): Promise<{ count: number; first: number; last: number }> {
  const poll = await pollUntil(async () => {
    const seen = await firings(pool, employmentArea);
    return seen.count >= expected ? seen : undefined;
  }, { timeoutMs, intervalMs: 500, signal });
  return poll.value ?? (await firings(pool, employmentArea));
}

/** Every event of the area is in the outbox and marked sent: the relay has published them all. */
export async function outboxDrained(pool: Pool, employmentArea: string): Promise<boolean> {
  const { rows } = await pool.query<{ pending: number }>(`SELECT count(*)::int AS pending FROM outbox o JOIN events e ON e.event_id = o.event_id WHERE o.sent_at IS NULL AND e.stream_id IN (${AREA_PATHS})`, [employmentArea]);
  return (rows[0]?.pending ?? 1) === 0;
}

/** The area's events the municipal consumer group has applied, and the first and last time it did. */
export async function municipalApplied(pool: Pool, eventIds: readonly string[]): Promise<{ count: number; first: number; last: number }> {
  const { rows } = await pool.query<{ count: number; first: Date | null; last: Date | null }>(
    'SELECT count(*)::int AS count, min(processed_at) AS first, max(processed_at) AS last FROM municipal.processed_events WHERE event_id = ANY($1::uuid[])',
    [eventIds],
  );
  const row = rows[0];
  return { count: row?.count ?? 0, first: row?.first?.getTime() ?? 0, last: row?.last?.getTime() ?? 0 };
}
