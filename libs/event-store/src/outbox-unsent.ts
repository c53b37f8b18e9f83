import type { Pool } from 'pg';
import type { RecordedEvent } from './read';
import { RECORDED_EVENT_COLUMNS } from './recorded-event-columns';

/** An unsent outbox row (written by the append, with its event) and the event it is to publish. */
export interface OutboxRow {
  readonly outboxId: string;
  readonly event: RecordedEvent;
}

/**
 * The first unsent outbox rows in append order with their events, leaving out `skip` (rows read
 * but not yet marked: a batch in flight). One statement on the partial `outbox_unsent` index: the
 * relay runs it for every batch. Skipping by id rather than reading after a cursor matters: a row
 * committed late below a cursor would be passed over while a later event of its path went out.
 */
export async function readUnsent(pool: Pool, limit: number, skip: readonly string[] = []): Promise<OutboxRow[]> {
  const { rows } = await pool.query(
    `SELECT o.outbox_id::text AS "outboxId", ${RECORDED_EVENT_COLUMNS}
       FROM outbox o JOIN events e ON e.event_id = o.event_id
      WHERE o.sent_at IS NULL AND o.outbox_id <> ALL($2::bigint[])
      ORDER BY o.outbox_id
      LIMIT $1`,
    [limit, skip],
  );
  return rows.map(({ outboxId, ...event }) => ({ outboxId, event: event as RecordedEvent }));
}
