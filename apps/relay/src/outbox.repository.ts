import type { RecordedEvent } from '@polku/event-store';
import type { Pool } from 'pg';
import type { Fence } from './lease.repository';

export interface OutboxRow {
  readonly outboxId: string;
  readonly event: RecordedEvent;
}

/** A row the broker acknowledged: published, or parked on the dead-letter topic with the reason. */
export interface SentRow {
  readonly outboxId: string;
  readonly parkedReason?: string;
}

// Reasons are error classes and messages, never data; bounded so one cannot bloat a row.
const MAX_REASON_LENGTH = 500;

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

  /**
   * Marks the rows sent (a parked row also counts a failed attempt and keeps its reason), only
   * while `fence` still holds the lease, in the same statement: FOR SHARE makes a concurrent
   * takeover wait for this mark or this mark see the takeover. Returns the rows marked: 0 when fenced off.
   */
  async markSent(rows: readonly SentRow[], fence: Fence): Promise<number> {
    const { rowCount } = await this.pool.query(
      `WITH lease AS (
         SELECT 1 FROM relay_lease WHERE name = $3 AND holder = $4 AND epoch = $5 AND expires_at > now() FOR SHARE
       ), sent AS (
         SELECT * FROM unnest($1::bigint[], $2::text[]) AS s(outbox_id, reason)
       )
       UPDATE outbox o SET sent_at = now(), attempts = o.attempts + (s.reason IS NOT NULL)::int, last_error = coalesce(s.reason, o.last_error)
         FROM sent s
        WHERE o.outbox_id = s.outbox_id AND EXISTS (SELECT 1 FROM lease)`,
      [rows.map((row) => row.outboxId), rows.map((row) => row.parkedReason?.slice(0, MAX_REASON_LENGTH) ?? null), fence.name, fence.holder, fence.epoch],
    );
    return rowCount ?? 0;
  }

  /** Counts a failed send of these rows and keeps the reason (error class and message of the broker client, no data). */
  async recordFailure(outboxIds: readonly string[], reason: string): Promise<void> {
    await this.pool.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE outbox_id = ANY($1::bigint[])', [outboxIds, reason.slice(0, MAX_REASON_LENGTH)]);
  }

  async backlog(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
    return rows[0]?.n ?? 0;
  }
}
