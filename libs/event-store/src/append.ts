import type { Pool, PoolClient } from 'pg';

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

export interface AppendOptions {
  /** Runs inside the append's transaction with the events it wrote; throwing rolls all back. */
  readonly beforeCommit?: (client: PoolClient, written: readonly NewEvent[]) => Promise<void>;
}

/** Another writer appended to the stream first: the caller decided on a stale version. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(readonly streamId: string, readonly expectedVersion: number) {
    super(`Stream ${streamId} is no longer at version ${expectedVersion}`);
  }
}

const UNIQUE_VIOLATION = '23505';

/**
 * Appends events to a stream after `expectedVersion`, in one transaction. Re-appending the same
 * event ids is a no-op, so a retried activity is safe. (The event-store issue adds the outbox
 * and content checks on replays.)
 */
export async function appendToStream(
  pool: Pool,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
  options: AppendOptions = {},
): Promise<AppendResult> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const written: NewEvent[] = [];
    const versions: number[] = [];
    for (const [index, event] of events.entries()) {
      const version = expectedVersion + index + 1;
      const result = await client.query(
        `INSERT INTO events (stream_id, stream_version, event_id, event_type, data, metadata)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
        [streamId, version, event.eventId, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata ?? {})],
      );
      if (result.rowCount === 1) {
        written.push(event);
        versions.push(version);
      }
    }
    if (written.length > 0) await options.beforeCommit?.(client, written);
    await client.query('COMMIT');
    return { written: versions };
  } catch (error) {
    await client.query('ROLLBACK');
    if ((error as { code?: string; constraint?: string }).code === UNIQUE_VIOLATION && (error as { constraint?: string }).constraint === 'events_stream_id_stream_version_key') {
      throw new ConcurrencyError(streamId, expectedVersion);
    }
    throw error;
  } finally {
    client.release();
  }
}
