import type { Producer } from 'kafkajs';
import type { Pool } from 'pg';
import type { Deadline } from '../support/limits';

/** The relay's own query for a batch (apps/relay/src/outbox.repository.ts `unsent`). */
const SELECT_BATCH = `SELECT o.outbox_id::text AS "outboxId", e.global_position::text AS "globalPosition", e.transaction_id::text AS "transactionId",
        e.stream_id AS "streamId", e.stream_version AS "streamVersion", e.event_id::text AS "eventId", e.event_type AS "type",
        e.schema_version AS "schemaVersion", e.data, e.metadata,
        to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"
   FROM outbox o JOIN events e ON e.event_id = o.event_id
  WHERE o.sent_at IS NULL
  ORDER BY o.outbox_id
  LIMIT $1`;

/**
 * The raw baseline of B5: select a batch, produce it with the relay's producer settings (the
 * caller's producer: idempotent, one request in flight; acks from all replicas here), mark it
 * sent; until nothing is left. One message per row, the stored event as it is.
 */
export async function rawDrain(pool: Pool, producer: Producer, topic: string, batchSize: number, deadline: Deadline, capMs: number): Promise<{ rows: number; seconds: number }> {
  const begun = Date.now();
  let rows = 0;
  while (Date.now() - begun < capMs && !deadline.abortedBecause) {
    const batch = (await pool.query<{ outboxId: string; streamId: string; eventId: string }>(SELECT_BATCH, [batchSize])).rows;
    if (batch.length === 0) break;
    const messages = batch.map((row) => ({ key: row.streamId, value: JSON.stringify(row), headers: { 'event-id': row.eventId } }));
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
    await pool.query('UPDATE outbox SET sent_at = now() WHERE outbox_id = ANY($1::bigint[])', [batch.map((row) => row.outboxId)]);
    rows += batch.length;
  }
  return { rows, seconds: (Date.now() - begun) / 1000 };
}
