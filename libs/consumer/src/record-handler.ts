import { inTransaction } from '@polku/event-store';
import type { Pool, PoolClient } from 'pg';
import { parseIntegrationEvent, type IntegrationEvent } from './integration-event';
import { failureCode, isTransient } from './transient';

/** Applies one new event to the read model inside the dedupe transaction; throws only on failure. */
export type EventHandler = (event: IntegrationEvent, db: PoolClient) => Promise<void>;

/** Where records are applied: the live schema, or a rebuild's shadow schema (same tables, same handler). */
export interface ReadModelTarget {
  /** Holds `processed_events` and the read model's tables. */
  readonly schema: string;
  /** A pool whose search_path is `schema` (createSchemaPool), so the handler's unqualified names land there. */
  readonly pool: Pool;
  readonly handle: EventHandler;
}

export type RecordOutcome =
  | { readonly kind: 'applied' | 'duplicate'; readonly event: IntegrationEvent }
  /** Not applicable, for a reason that is the record's own (poison, or the handler refused it): dead-letter it. */
  | { readonly kind: 'refused'; readonly reason: string; readonly event?: IntegrationEvent };

/**
 * Parses one record and applies it once: its event id goes into processed_events in the same
 * transaction as the read-model change. A failure of the database rather than of the record
 * (isTransient) is thrown, so the caller retries it (live) or stops (a rebuild), never parks it.
 */
export async function applyRecord(target: ReadModelTarget, value: Buffer | null): Promise<RecordOutcome> {
  const parsed = parseIntegrationEvent(value);
  if (!parsed.ok) return { kind: 'refused', reason: `${parsed.poison.code}: ${parsed.poison.detail}` };
  const { event } = parsed;
  try {
    const applied = await inTransaction(target.pool, async (db) => {
      const inserted = await db.query(`INSERT INTO ${target.schema}.processed_events (event_id) VALUES ($1) ON CONFLICT DO NOTHING`, [event.id]);
      if (inserted.rowCount === 1) await target.handle(event, db);
      return inserted.rowCount === 1;
    });
    return { kind: applied ? 'applied' : 'duplicate', event };
  } catch (error) {
    if (isTransient(error)) throw error;
    return { kind: 'refused', reason: failureCode(error), event };
  }
}
