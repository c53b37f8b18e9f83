import { checkpointOf, inTransaction, readAll, START, type Checkpoint, type RecordedEvent } from '@polku/event-store';
import type { Pool, PoolClient } from 'pg';
import { ProjectionDataError, projectedEvent, type Projection } from './projection-contract';

/** Pino-style: fields first. Only ids and types are logged, never event data. */
export interface ProjectionLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface RunOptions {
  readonly log: ProjectionLog;
  readonly batchSize?: number;
}

// A fixed 64-bit number, distinct from the migration (…220) and relay leader (…221) locks. The live runner's batches and a rebuild take it, so a rebuild never
// interleaves with a batch (which would apply events to tables the rebuild just emptied).
const PROJECTION_LOCK_KEY = 7_304_151_230n;
const DEFAULT_BATCH = 500;

/** Runs every projection to the end of the log as it stands now; returns the events applied. */
export async function catchUp(pool: Pool, projections: readonly Projection[], options: RunOptions): Promise<number> {
  let applied = 0;
  for (const projection of projections) {
    for (let batch = await runBatch(pool, projection, options); batch > 0; batch = await runBatch(pool, projection, options)) applied += batch;
  }
  return applied;
}

/** One batch in one transaction: the rows and the checkpoint move together (exactly-once effect). */
async function runBatch(pool: Pool, projection: Projection, options: RunOptions): Promise<number> {
  return inTransaction(pool, async (client) => {
    await lockProjections(client);
    return applyNextBatch(pool, client, projection, options);
  });
}

export async function lockProjections(client: PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [PROJECTION_LOCK_KEY.toString()]);
}

/**
 * Applies the events after the projection's checkpoint inside the caller's transaction. The log
 * is read through readAll (another connection, committed events only, commit-safe order): no
 * position-only filter here, or an event committed late would be skipped.
 */
export async function applyNextBatch(pool: Pool, client: PoolClient, projection: Projection, options: RunOptions): Promise<number> {
  const events = await readAll(pool, await checkpointFor(client, projection.name), options.batchSize ?? DEFAULT_BATCH);
  await applyAll(client, projection, events, options.log);
  const last = events[events.length - 1];
  if (last) await saveCheckpoint(client, projection.name, checkpointOf(last));
  return events.length;
}

/**
 * Optimistic: the whole batch under one savepoint (a savepoint per event costs two round trips
 * each). Only when an event's data is bad is the batch redone event by event, parking the bad.
 */
async function applyAll(client: PoolClient, projection: Projection, events: readonly RecordedEvent[], log: ProjectionLog): Promise<void> {
  await client.query('SAVEPOINT projection_batch');
  try {
    for (const event of events) await projection.apply(client, projectedEvent(event));
    await client.query('RELEASE SAVEPOINT projection_batch');
  } catch (error) {
    if (badDataReason(error) === undefined) throw error;
    await client.query('ROLLBACK TO SAVEPOINT projection_batch');
    for (const event of events) await applyOne(client, projection, event, log);
  }
}

/**
 * Never throws on a recorded event's content: bad data (our own check, or PostgreSQL rejecting
 * a value) rolls back to the savepoint and parks the event. Anything else — the database gone —
 * is thrown, so the batch rolls back and the runner stops and retries it: nothing is lost.
 */
async function applyOne(client: PoolClient, projection: Projection, event: RecordedEvent, log: ProjectionLog): Promise<void> {
  await client.query('SAVEPOINT projection_event');
  try {
    await projection.apply(client, projectedEvent(event));
    await client.query('RELEASE SAVEPOINT projection_event');
  } catch (error) {
    const reason = badDataReason(error);
    if (reason === undefined) throw error;
    await client.query('ROLLBACK TO SAVEPOINT projection_event');
    await client.query(
      `INSERT INTO projection_parked (name, event_id, event_type, reason) VALUES ($1, $2, $3, $4) ON CONFLICT (name, event_id) DO NOTHING`,
      [projection.name, event.eventId, event.type, reason],
    );
    log.warn({ projection: projection.name, eventId: event.eventId, type: event.type, reason }, 'projection parked an event');
  }
}

/** Why the event's data was unusable, without quoting the data; undefined when it is not a data problem. */
function badDataReason(error: unknown): string | undefined {
  if (error instanceof ProjectionDataError) return error.message;
  const { code, column, constraint } = error as { code?: unknown; column?: string; constraint?: string };
  // SQLSTATE classes 21 (cardinality: an item twice in one event), 22 (data exception) and 23
  // (integrity constraint violation): the event's content, not the database, is at fault.
  if (typeof code === 'string' && /^2[123]/.test(code)) return `sqlstate ${code}${column ? ` column ${column}` : ''}${constraint ? ` constraint ${constraint}` : ''}`;
  return undefined;
}

async function checkpointFor(client: PoolClient, name: string): Promise<Checkpoint> {
  const { rows } = await client.query<Checkpoint>(
    `SELECT transaction_id::text AS "transactionId", position::text AS "position" FROM projection_checkpoints WHERE name = $1 FOR UPDATE`,
    [name],
  );
  return rows[0] ?? START;
}

async function saveCheckpoint(client: PoolClient, name: string, checkpoint: Checkpoint): Promise<void> {
  await client.query(
    `INSERT INTO projection_checkpoints (name, transaction_id, position) VALUES ($1, $2::text::xid8, $3)
     ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position, updated_at = now()`,
    [name, checkpoint.transactionId, checkpoint.position],
  );
}
