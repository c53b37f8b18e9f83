import type { Pool, PoolClient } from 'pg';
import { RECORDED_EVENT_COLUMNS } from './recorded-event-columns';

/** A pool or one of its connections (inside a caller's transaction). */
type Queryable = Pool | PoolClient;

export interface RecordedEvent {
  readonly globalPosition: string;
  readonly transactionId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
  readonly recordedAt: string;
}

/** Where a reader of the global log stands: the last (transaction id, position) it has seen. */
export interface Checkpoint {
  readonly transactionId: string;
  readonly position: string;
}

export const START: Checkpoint = { transactionId: '0', position: '0' };

/** A stream's events in version order, optionally from/up to a version (inclusive). */
export async function readStream(pool: Queryable, streamId: string, range: { from?: number; to?: number } = {}): Promise<RecordedEvent[]> {
  const { rows } = await pool.query<RecordedEvent>(
    `SELECT ${RECORDED_EVENT_COLUMNS} FROM events e WHERE stream_id = $1 AND stream_version >= $2 AND stream_version <= $3 ORDER BY stream_version`,
    [streamId, range.from ?? 1, range.to ?? 2_147_483_647],
  );
  return rows;
}

/** The stream an event is stored in; undefined when this store does not hold it. */
export async function streamOfEvent(pool: Queryable, eventId: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ streamId: string }>('SELECT stream_id AS "streamId" FROM events WHERE event_id = $1::uuid', [eventId]);
  return rows[0]?.streamId;
}

/**
 * Several streams at once, each from version 1 up to its own version (inclusive), in one query:
 * grouped by stream, each in version order. For a reader that folds many paths per batch.
 */
export async function readStreams(pool: Queryable, upTo: ReadonlyMap<string, number>): Promise<RecordedEvent[]> {
  const { rows } = await pool.query<RecordedEvent>(
    `SELECT ${RECORDED_EVENT_COLUMNS} FROM unnest($1::text[], $2::int[]) AS wanted(stream_id, up_to)
       JOIN events e ON e.stream_id = wanted.stream_id AND e.stream_version <= wanted.up_to
      ORDER BY e.stream_id, e.stream_version`,
    [[...upTo.keys()], [...upTo.values()]],
  );
  return rows;
}

/**
 * The next events of the global log after `checkpoint`, in commit-safe order. A sequence
 * position is taken when a transaction inserts, not when it commits, so a reader ordering by
 * position alone would skip an event committed late. Ordering by (transaction id, position) and
 * reading only transactions older than every transaction still running makes the order final:
 * nothing can later appear before the checkpoint.
 */
export async function readAll(pool: Pool, checkpoint: Checkpoint = START, limit = 500): Promise<RecordedEvent[]> {
  const { rows } = await pool.query<RecordedEvent>(
    `SELECT ${RECORDED_EVENT_COLUMNS} FROM events e
      WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
        AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY transaction_id, global_position
      LIMIT $3`,
    [checkpoint.transactionId, checkpoint.position, limit],
  );
  return rows;
}

export function checkpointOf(event: Pick<RecordedEvent, 'transactionId' | 'globalPosition'>): Checkpoint {
  return { transactionId: event.transactionId, position: event.globalPosition };
}
