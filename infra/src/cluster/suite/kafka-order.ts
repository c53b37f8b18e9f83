import { ALL_TOPICS } from '@polku/contracts';
import type { Pool } from 'pg';
import type { Check } from '../../chaos/fault';
import type { KafkaTap } from '../../chaos/kafka-tap';

const SHOWN = 3;

interface Position {
  readonly partition: number;
  readonly offset: number;
}

/** The first delivery of an event (a raw duplicate later on does not move it). */
function firstDelivery(offsets: ReadonlySet<string>): Position | undefined {
  let first: Position | undefined;
  for (const at of offsets) {
    const [partition, offset] = at.split(':').map(Number);
    if (first === undefined || (offset as number) < first.offset) first = { partition: partition as number, offset: offset as number };
  }
  return first;
}

/**
 * Per-path order on every topic: a path's events (key = path id) sit in one partition, and
 * their first deliveries come in stream-version order. Any broker failover that reordered or
 * split a path shows here.
 */
export async function perPathOrder(pool: Pool, tap: Pick<KafkaTap, 'topic'>, employmentArea: string): Promise<Check> {
  const { rows } = await pool.query<{ eventId: string; streamId: string; version: number }>(
    `SELECT event_id::text AS "eventId", stream_id AS "streamId", stream_version AS version FROM events
      WHERE stream_id IN (SELECT stream_id FROM events WHERE event_type = 'PathStarted' AND data->>'employmentArea' = $1)
      ORDER BY stream_id, stream_version`,
    [employmentArea],
  );
  const broken: string[] = [];
  let checked = 0;
  for (const topic of ALL_TOPICS) {
    const log = tap.topic(topic);
    const last = new Map<string, Position>();
    for (const row of rows) {
      const offsets = log.get(row.eventId);
      const at = offsets ? firstDelivery(offsets) : undefined;
      if (!at) continue;
      checked++;
      const before = last.get(row.streamId);
      if (before && (before.partition !== at.partition || before.offset > at.offset)) broken.push(`${topic} ${row.streamId} v${row.version}`);
      last.set(row.streamId, at);
    }
  }
  return { name: 'per-path order kept on every topic', passed: broken.length === 0, detail: `${checked} deliveries checked, ${broken.length} out of order${broken.length > 0 ? ` (e.g. ${broken.slice(0, SHOWN).join('; ')})` : ''}` };
}
