import { inTransaction, OUTBOX_CHANNEL, streamOfEvent } from '@polku/event-store';
import type { Pool } from 'pg';
import type { DeadLetterRecord } from './dead-letter-record';

export type Reopened = 'reopened' | 'already replayed' | 'unknown event';

const REMEMBER = `INSERT INTO dlq_replays (topic, partition, record_offset, record_timestamp, event_id)
                  VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`;

/** dlq_replays (which dead letters went back) and the outbox rows a replay reopens. */
export class ReplayRepository {
  constructor(private readonly pool: Pool) {}

  /**
   * Puts a stored event back in front of the relay: its outbox row unsent again, remembered in
   * the same transaction, and a NOTIFY so the leader picks it up at once. The relay translates
   * it anew; if that fails again it is parked again (attempts + 1).
   */
  async reopen(record: DeadLetterRecord, eventId: string, streamId: string): Promise<Reopened> {
    return inTransaction(this.pool, async (db) => {
      if ((await db.query(REMEMBER, [...positionOf(record), eventId])).rowCount === 0) return 'already replayed';
      const reopened = await db.query('UPDATE outbox SET sent_at = NULL WHERE event_id = $1::uuid AND stream_id = $2', [eventId, streamId]);
      if (reopened.rowCount === 0) throw new UnknownEvent();
      await db.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', $1)`, [streamId]);
      return 'reopened';
    }).catch((error: unknown) => {
      if (error instanceof UnknownEvent) return 'unknown event';
      throw error;
    });
  }

  async wasReplayed(record: DeadLetterRecord): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM dlq_replays WHERE topic = $1 AND partition = $2 AND record_offset = $3 AND record_timestamp = $4', positionOf(record));
    return rowCount === 1;
  }

  async remember(record: DeadLetterRecord, eventId: string): Promise<void> {
    await this.pool.query(REMEMBER, [...positionOf(record), eventId]);
  }

  /** The stream an event is stored in, if this store holds it. */
  streamOf(eventId: string): Promise<string | undefined> {
    return streamOfEvent(this.pool, eventId);
  }
}

/** Rolls the transaction back: nothing is remembered for an event this store does not hold. */
class UnknownEvent extends Error {}

function positionOf(record: DeadLetterRecord): [string, number, string, string] {
  return [record.topic, record.partition, record.offset, record.timestamp];
}
