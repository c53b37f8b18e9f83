import type { Pool, PoolClient } from 'pg';

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

const COLUMNS = `global_position::text AS "globalPosition", transaction_id::text AS "transactionId", stream_id AS "streamId",
  stream_version AS "streamVersion", event_id::text AS "eventId", event_type AS "type", schema_version AS "schemaVersion",
  data, metadata, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"`;

/** A stream's events in version order, optionally from/up to a version (inclusive). */
export async function readStream(pool: Queryable, streamId: string, range: { from?: number; to?: number } = {}): Promise<RecordedEvent[]> {
  const { rows } = await pool.query<RecordedEvent>(
    `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 AND stream_version <= $3 ORDER BY stream_version`,
    [streamId, range.from ?? 1, range.to ?? 2_147_483_647],
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
    `SELECT ${COLUMNS} FROM events
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
