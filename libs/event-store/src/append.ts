import type { StaffNotification } from '@polku/contracts';
import type { Pool, PoolClient } from 'pg';
import { notifyOutboxSoon } from './outbox-notify';
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
  /**
   * Runs inside the append's transaction with the events it wrote, before COMMIT; throwing rolls
   * all back. Tests and fault drills use it to hold a transaction open; without it the append is
   * one statement, one round trip.
   */
  readonly beforeCommit?: (client: PoolClient, written: readonly NewEvent[]) => Promise<void>;
  /**
   * The command these events record (also in their metadata). When the stream already holds it
   * below `expectedVersion`, the command was applied before and nothing is written.
   */
  readonly commandId?: string;
  /** Rows of `client_active_paths` to take or release, each only when its event is written now. */
  readonly claims?: readonly ActivePathClaim[];
  /** Staff notifications stored in the same transaction, once each (their ids are event ids). */
  readonly notifications?: readonly StaffNotification[];
}

/** The one-active-path rule's row: taken by the event starting or reopening a path, released by its exit. */
export type ActivePathClaim = { readonly eventId: string; readonly take: string } | { readonly eventId: string; readonly release: true };

/** Another writer appended to the stream first: the caller decided on a stale version. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(readonly streamId: string, readonly expectedVersion: number) {
    super(`Stream ${streamId} is no longer at version ${expectedVersion}`);
  }
}

/** The client of a path being started or reopened already has another active path. */
export class ActivePathClaimedError extends Error {
  override readonly name = 'ActivePathClaimedError';
  constructor(readonly streamId: string) {
    super(`Another path holds the client of ${streamId}`);
  }
}

/** An event id reused for a different event: a bug in id generation, never a retry. */
export class EventIdConflictError extends Error {
  override readonly name = 'EventIdConflictError';
  constructor(readonly eventId: string) {
    super(`Event id ${eventId} is already stored with different content`);
  }
}

/** Channel the append notifies after a commit that wrote events; the relay LISTENs on it. */
export { OUTBOX_CHANNEL } from './outbox-notify';

const UNIQUE_VIOLATION = '23505';
// Raised by append_events (migration 0019).
const EVENT_ID_CONFLICT = 'PX001';
const NOT_AT_EXPECTED_VERSION = 'PX002';
const CLAIMED = 'PX003';

const APPEND = 'SELECT append_events($1, $2, $3::jsonb, $4, $5::jsonb, $6::jsonb) AS result';

/**
 * Appends events to a stream after `expectedVersion` with their outbox rows, the claims of the
 * one-active-path rule and staff notifications: one call of the store's append function, one
 * round trip, its own transaction. Re-appending identical events (same ids, same content) is a
 * no-op, so a retried activity is safe; the same id with other content is an
 * EventIdConflictError. The relay is notified after the commit (coalesced), never inside it:
 * NOTIFY in a transaction takes a global lock at commit that serialises every appender.
 */
export async function appendToStream(
  pool: Pool,
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
  options: AppendOptions = {},
): Promise<AppendResult> {
  const values = [
    streamId,
    expectedVersion,
    JSON.stringify(events.map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata: metadata ?? {} }))),
    options.commandId ?? null,
    JSON.stringify(options.claims ?? []),
    JSON.stringify(options.notifications ?? []),
  ];
  try {
    const result = options.beforeCommit === undefined ? await call(pool, values) : await callHeldOpen(pool, values, events, expectedVersion, options.beforeCommit);
    if (result.written.length > 0) notifyOutboxSoon(pool);
    return result;
  } catch (error) {
    throw storeErrorOf(error, streamId, expectedVersion, events);
  }
}

async function call(db: Pool | PoolClient, values: readonly unknown[]): Promise<AppendResult> {
  const { rows } = await db.query<{ result: { written?: number[]; duplicateOf?: number } }>(APPEND, [...values]);
  const result = rows[0]?.result ?? {};
  return result.duplicateOf === undefined ? { written: result.written ?? [] } : { written: [], duplicateOf: result.duplicateOf };
}

/** The same call inside an explicit transaction, with `beforeCommit` run before COMMIT. */
function callHeldOpen(pool: Pool, values: readonly unknown[], events: readonly NewEvent[], expectedVersion: number, beforeCommit: NonNullable<AppendOptions['beforeCommit']>): Promise<AppendResult> {
  return inTransaction(pool, async (client) => {
    const result = await call(client, values);
    await beforeCommit(client, events.filter((_, index) => result.written.includes(expectedVersion + index + 1)));
    return result;
  });
}

function storeErrorOf(error: unknown, streamId: string, expectedVersion: number, events: readonly NewEvent[]): unknown {
  const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
  if ((code === UNIQUE_VIOLATION && constraint === 'events_stream_id_stream_version_key') || code === NOT_AT_EXPECTED_VERSION) return new ConcurrencyError(streamId, expectedVersion);
  if (code === CLAIMED) return new ActivePathClaimedError(streamId);
  if (code === EVENT_ID_CONFLICT) return new EventIdConflictError(events.find((event) => message?.includes(event.eventId))?.eventId ?? 'unknown');
  return error;
}
