import { readUnsent } from '@polku/event-store';
import type { Producer } from 'kafkajs';
import type { Pool } from 'pg';
import type { Deadline } from '../support/limits';

/**
 * The raw baseline of B5: select a batch with the relay's own query (the store's readUnsent),
 * produce it with the relay's producer settings (the caller's producer: RELAY_PRODUCER, one
 * request in flight; acks from all replicas here), mark it sent; until nothing is left. One message per row, the stored event as it is.
 */
export async function rawDrain(pool: Pool, producer: Producer, topic: string, batchSize: number, deadline: Deadline, capMs: number): Promise<{ rows: number; seconds: number }> {
  const begun = Date.now();
  let rows = 0;
  while (Date.now() - begun < capMs && !deadline.abortedBecause) {
    const batch = await readUnsent(pool, batchSize);
    if (batch.length === 0) break;
    const messages = batch.map(({ event }) => ({ key: event.streamId, value: JSON.stringify(event), headers: { 'event-id': event.eventId } }));
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
    await pool.query('UPDATE outbox SET sent_at = now() WHERE outbox_id = ANY($1::bigint[])', [batch.map((row) => row.outboxId)]);
    rows += batch.length;
  }
  return { rows, seconds: (Date.now() - begun) / 1000 };
}
