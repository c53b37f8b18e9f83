import { readUnsent, type OutboxRow } from '@polku/event-store';
import type { Pool } from 'pg';
import type { Fence } from './lease.repository';

export type { OutboxRow } from '@polku/event-store';

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

  /** The first unsent rows in append order, leaving out `skip` (a batch in flight): the store's readUnsent. */
  unsent(limit: number, skip: readonly string[] = []): Promise<OutboxRow[]> {
    return readUnsent(this.pool, limit, skip);
  }

  /**
   * Marks the rows sent (a parked row also counts a failed attempt and keeps its reason), only
   * while `fence` still holds the lease, in the same statement: FOR SHARE makes a concurrent
   * takeover wait for this mark or this mark see the takeover. Returns the rows marked: 0 when
   * fenced off. Rows are found by `outbox_id = ANY`, never by joining a list to the table: a
   * join made PostgreSQL hash the whole outbox, which only grows, on every batch.
   */
  async markSent(rows: readonly SentRow[], fence: Fence): Promise<number> {
    const parked = rows.filter((row) => row.parkedReason !== undefined);
    const { rowCount } = await this.pool.query(
      `WITH lease AS (
         SELECT 1 FROM relay_lease WHERE name = $4 AND holder = $5 AND epoch = $6 AND expires_at > now() FOR SHARE
       )
       UPDATE outbox o SET sent_at = now(), attempts = o.attempts + (o.outbox_id = ANY($2::bigint[]))::int,
              last_error = coalesce(($3::text[])[array_position($2::bigint[], o.outbox_id)], o.last_error)
        WHERE o.outbox_id = ANY($1::bigint[]) AND EXISTS (SELECT 1 FROM lease)`,
      [
        rows.map((row) => row.outboxId),
        parked.map((row) => row.outboxId),
        parked.map((row) => row.parkedReason?.slice(0, MAX_REASON_LENGTH)),
        fence.name,
        fence.holder,
        fence.epoch,
      ],
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
