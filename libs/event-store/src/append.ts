import type { Pool, PoolClient } from 'pg';
import { inTransaction } from './transaction';

export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: Record<string, unknown>;
}

export interface AppendResult {
  /** Versions of the events written by this call; empty when every event was already stored. */
  readonly written: number[];
  /** Set when `commandId` was applied before: the version of its last event. Nothing was written. */
  readonly duplicateOf?: number;
}

export interface AppendOptions {
  /** Runs inside the append's transaction with the events it wrote; throwing rolls all back. */
  readonly beforeCommit?: (client: PoolClient, written: readonly NewEvent[]) => Promise<void>;
  /**
   * The command these events record (also in their metadata). When the stream already holds it
   * below `expectedVersion`, the command was applied before and nothing is written.
   */
  readonly commandId?: string;
}

/** Another writer appended to the stream first: the caller decided on a stale version. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(readonly streamId: string, readonly expectedVersion: number) {
    super(`Stream ${streamId} is no longer at version ${expectedVersion}`);
  }
}

/** An event id reused for a different event: a bug in id generation, never a retry. */
export class EventIdConflictError extends Error {
  override readonly name = 'EventIdConflictError';
  constructor(readonly eventId: string) {
    super(`Event id ${eventId} is already stored with different content`);
  }
}

/** Channel the append notifies on commit; the relay LISTENs on it. */
export const OUTBOX_CHANNEL = 'polku_outbox';

const UNIQUE_VIOLATION = '23505';

/**
 * Appends events to a stream after `expectedVersion` together with their outbox rows, in one
 * transaction. Re-appending identical events (same ids, same content) is a no-op, so a retried
 * activity is safe; the same id with other content is an EventIdConflictError.
 */
export async function appendToStream(
  pool: Pool,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
  options: AppendOptions = {},
): Promise<AppendResult> {
  try {
    return await inTransaction(pool, async (client) => {
      const duplicateOf = options.commandId === undefined ? undefined : await appliedAt(client, streamId, options.commandId, expectedVersion);
      if (duplicateOf !== undefined) return { written: [], duplicateOf };
      const written: NewEvent[] = [];
      const versions: number[] = [];
      for (const [index, event] of events.entries()) {
        const version = expectedVersion + index + 1;
        if (await insertEvent(client, streamId, version, event)) {
          written.push(event);
          versions.push(version);
        }
      }
      if (written.length > 0) {
        await options.beforeCommit?.(client, written);
        await client.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', $1)`, [streamId]);
      }
      return { written: versions };
    });
  } catch (error) {
    throw isVersionConflict(error) ? new ConcurrencyError(streamId, expectedVersion) : error;
  }
}

/**
 * The version of the last event `commandId` wrote at or below `expectedVersion`. Events above
 * it are this very append retried (same ids, a no-op), not an earlier application.
 */
async function appliedAt(client: PoolClient, streamId: string, commandId: string, expectedVersion: number): Promise<number | undefined> {
  const { rows } = await client.query<{ version: number | null }>(
    `SELECT max(stream_version) AS version FROM events
      WHERE stream_id = $1 AND metadata ? 'commandId' AND metadata->>'commandId' = $2 AND stream_version <= $3`,
    [streamId, commandId, expectedVersion],
  );
  return rows[0]?.version ?? undefined;
}

/** Inserts one event and its outbox row; false when the identical event is already stored. */
async function insertEvent(client: PoolClient, streamId: string, version: number, event: NewEvent): Promise<boolean> {
  const data = JSON.stringify(event.data);
  const inserted = await client.query(
    `WITH inserted AS (
       INSERT INTO events (stream_id, stream_version, event_id, event_type, data, metadata)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING RETURNING event_id)
     INSERT INTO outbox (event_id, stream_id, stream_version) SELECT event_id, $1, $2 FROM inserted`,
    [streamId, version, event.eventId, event.type, data, JSON.stringify(event.metadata ?? {})],
  );
  if (inserted.rowCount === 1) return true;
  const { rows } = await client.query(
    'SELECT 1 FROM events WHERE event_id = $1 AND stream_id = $2 AND stream_version = $3 AND event_type = $4 AND data = $5::jsonb',
    [event.eventId, streamId, version, event.type, data],
  );
  if (rows.length === 0) throw new EventIdConflictError(event.eventId);
  return false;
}

function isVersionConflict(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION && constraint === 'events_stream_id_stream_version_key';
}
