import type { Pool } from 'pg';

export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: Record<string, unknown>;
}

export interface AppendResult {
  /** Versions of the events written by this call; empty when every event was already stored. */
  readonly written: number[];
}

/**
 * Appends events to a stream after `expectedVersion`, in one transaction. Re-appending the same
 * event ids is a no-op, so a retried activity is safe. (The event-store issue adds the outbox,
 * concurrency errors with facts, and content checks on replays.)
 */
export async function appendToStream(
  pool: Pool,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
): Promise<AppendResult> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const written: number[] = [];
    for (const [index, event] of events.entries()) {
      const version = expectedVersion + index + 1;
      const result = await client.query(
        `INSERT INTO events (stream_id, stream_version, event_id, event_type, data, metadata)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
        [streamId, version, event.eventId, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata ?? {})],
      );
      if (result.rowCount === 1) written.push(version);
    }
    await client.query('COMMIT');
    return { written };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
