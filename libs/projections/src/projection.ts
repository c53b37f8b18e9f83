import type { RecordedEvent } from '@polku/event-store';
import type { PoolClient } from 'pg';

/**
 * A read model fed from the global log. `apply` runs inside the runner's transaction and must be
 * idempotent per event: rows remember the stream version they last took in and ignore older or
 * equal ones, so a redelivered event changes nothing.
 */
export interface Projection {
  readonly name: string;
  /** Tables the projection owns: truncated by a rebuild, compared by the rebuild test. */
  readonly tables: readonly string[];
  apply(client: PoolClient, event: RecordedEvent): Promise<void>;
}

/** A recorded event of a known type whose data the projection cannot use: parked, not thrown. */
export class ProjectionDataError extends Error {
  override readonly name = 'ProjectionDataError';
}

type Fields = Readonly<Record<string, unknown>>;

/** The event's data as an object; anything else is bad data. */
export function dataOf(event: RecordedEvent): Fields {
  const { data } = event;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ProjectionDataError('data is not an object');
  return data as Fields;
}

export function text(fields: Fields, key: string): string {
  const value = fields[key];
  if (typeof value !== 'string' || value.length === 0) throw new ProjectionDataError(`${key} is not a string`);
  return value;
}

export function optionalText(fields: Fields, key: string): string | null {
  return fields[key] === undefined || fields[key] === null ? null : text(fields, key);
}

export function flag(fields: Fields, key: string): boolean {
  const value = fields[key];
  if (typeof value !== 'boolean') throw new ProjectionDataError(`${key} is not a boolean`);
  return value;
}

export function list(fields: Fields, key: string): readonly unknown[] {
  const value = fields[key];
  if (!Array.isArray(value)) throw new ProjectionDataError(`${key} is not a list`);
  return value;
}

export function object(fields: Fields, key: string): Fields {
  const value = fields[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProjectionDataError(`${key} is not an object`);
  return value as Fields;
}

/**
 * When the fact happened: the command's `occurredAt`, else the time it was recorded. Both are
 * stored with the event, so a rebuild derives the same instant (never now()).
 */
export function occurredAt(event: RecordedEvent): string {
  const value = event.metadata['occurredAt'];
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : event.recordedAt;
}

/** A column value that only fills an empty column: the first occurrence is the one that counts. */
export class KeepFirst {
  constructor(readonly value: unknown) {}
}

/**
 * Sets columns of the path's row in `table` (keyed by path_id, with a `version` column) only
 * when the row has not yet taken in this stream version: redelivery changes nothing. Table and
 * column names come from code, never from event data.
 */
export async function updatePathRow(client: PoolClient, table: string, event: RecordedEvent, columns: Readonly<Record<string, unknown>>): Promise<void> {
  const names = Object.keys(columns);
  const sets = names.map((name, index) => (columns[name] instanceof KeepFirst ? `${name} = COALESCE(${name}, $${index + 3})` : `${name} = $${index + 3}`));
  const values = names.map((name) => {
    const value = columns[name];
    return value instanceof KeepFirst ? value.value : value;
  });
  await client.query(`UPDATE ${table} SET ${[...sets, 'version = $2'].join(', ')} WHERE path_id = $1 AND version < $2`, [event.streamId, event.streamVersion, ...values]);
}
