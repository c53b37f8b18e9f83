import { type Checkpoint, checkpointOf, readAll } from '@polku/event-store';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import type { Fence } from '../../apps/relay/src/lease.repository';
import { OutboxRepository } from '../../apps/relay/src/outbox.repository';
import type { Deadline } from './limits';

/** Where a relay takes its events from: the next batch, marked (a) or passed (b) under the lease's fence. */
export interface EventSource {
  /** Event ids of the batch, in the order read; empty when nothing more is readable now. */
  next(limit: number): Promise<readonly string[]>;
}

/** Variant a: the relay's own repository, as PublishPipeline uses it (unsent rows, fenced mark). */
export class OutboxSource implements EventSource {
  private readonly outbox: OutboxRepository;

  constructor(pool: Pool, private readonly fence: Fence) {
    this.outbox = new OutboxRepository(pool);
  }

  async next(limit: number): Promise<readonly string[]> {
    const rows = await this.outbox.unsent(limit);
    if (rows.length === 0) return [];
    const marked = await this.outbox.markSent(rows.map((row) => ({ outboxId: row.outboxId })), this.fence);
    if (marked !== rows.length) throw new Error(`the fenced mark took ${marked} of ${rows.length} rows`);
    return rows.map((row) => row.event.eventId);
  }
}

/**
 * The checkpoint's row moves only while the fence holds the lease: the same guard as the outbox's
 * mark, so a relay on this source would be no less protected against a deposed leader.
 */
const ADVANCE = `WITH lease AS (
    SELECT 1 FROM relay_lease WHERE name = $4 AND holder = $5 AND epoch = $6 AND expires_at > now() FOR SHARE
  )
  UPDATE projection_checkpoints SET transaction_id = $2::text::xid8, position = $3::bigint, updated_at = now()
   WHERE name = $1 AND EXISTS (SELECT 1 FROM lease)`;

/** Variant b: the store's commit-safe reader (readAll) after a checkpoint row, advanced per batch. */
export class CheckpointSource implements EventSource {
  constructor(private readonly pool: Pool, private readonly fence: Fence, private readonly name: string, private checkpoint: Checkpoint) {}

  /** A checkpoint row at `from` (overwritten if there), and a reader standing on it. */
  static async at(pool: Pool, fence: Fence, name: string, from: Checkpoint): Promise<CheckpointSource> {
    await pool.query(
      `INSERT INTO projection_checkpoints (name, transaction_id, position) VALUES ($1, $2::text::xid8, $3::bigint)
       ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position`,
      [name, from.transactionId, from.position],
    );
    return new CheckpointSource(pool, fence, name, from);
  }

  async next(limit: number): Promise<readonly string[]> {
    const events = await readAll(this.pool, this.checkpoint, limit);
    const last = events[events.length - 1];
    if (last === undefined) return [];
    const next = checkpointOf(last);
    const { rowCount } = await this.pool.query(ADVANCE, [this.name, next.transactionId, next.position, this.fence.name, this.fence.holder, this.fence.epoch]);
    if (rowCount !== 1) throw new Error('the fenced checkpoint advance was refused');
    this.checkpoint = next;
    return events.map((event) => event.eventId);
  }
}

/** The end of the log as it stands: nothing may be in flight (the caller's writers are done). */
export async function endOfLog(pool: Pool): Promise<Checkpoint> {
  const { rows } = await pool.query<Checkpoint>(
    `SELECT transaction_id::text AS "transactionId", global_position::text AS "position" FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  return rows[0] ?? { transactionId: '0', position: '0' };
}

export interface Drained {
  readonly rows: number;
  readonly seconds: number;
}

/** Takes batches until the source has nothing more: read + mark (a) or read + advance (b), no broker. */
export async function drain(source: EventSource, batchSize: number, deadline: Deadline): Promise<Drained> {
  const begun = performance.now();
  let rows = 0;
  for (let batch = await source.next(batchSize); batch.length > 0; batch = await source.next(batchSize)) {
    deadline.throwIfAborted();
    rows += batch.length;
  }
  return { rows, seconds: (performance.now() - begun) / 1000 };
}
