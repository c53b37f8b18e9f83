import type { RecordedEvent } from '@polku/event-store';
import type { Pool } from 'pg';

export interface OutboxRow {
  readonly outboxId: string;
  readonly event: RecordedEvent;
}

/** The relay's view of the outbox: unsent rows in append order, marked sent after the broker acks. */
export class OutboxRepository {
  constructor(private readonly pool: Pool) {}

  async unsent(limit: number): Promise<OutboxRow[]> {
    const { rows } = await this.pool.query(
      `SELECT o.outbox_id::text AS "outboxId", e.global_position::text AS "globalPosition", e.transaction_id::text AS "transactionId",
              e.stream_id AS "streamId", e.stream_version AS "streamVersion", e.event_id::text AS "eventId", e.event_type AS "type",
              e.schema_version AS "schemaVersion", e.data, e.metadata,
              to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"
         FROM outbox o JOIN events e ON e.event_id = o.event_id
        WHERE o.sent_at IS NULL
        ORDER BY o.outbox_id
        LIMIT $1`,
      [limit],
    );
    return rows.map(({ outboxId, ...event }) => ({ outboxId, event: event as RecordedEvent }));
  }

  async markSent(outboxIds: readonly string[]): Promise<void> {
    await this.pool.query('UPDATE outbox SET sent_at = now() WHERE outbox_id = ANY($1::bigint[])', [outboxIds]);
  }

  /** Keeps the reason without personal data: error class and message of the broker client. */
  async recordFailure(outboxIds: readonly string[], reason: string): Promise<void> {
    await this.pool.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE outbox_id = ANY($1::bigint[])', [outboxIds, reason.slice(0, 500)]);
  }

  async backlog(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
    return rows[0]?.n ?? 0;
  }
}
