import type { PoolClient } from 'pg';
import type { ProjectedEvent } from './projection-contract';

/** A column's new value as SQL over the version it replaces: `column` is the old value, `param` binds a value. */
export class SqlChange {
  constructor(readonly build: (column: string, param: (value: unknown) => string) => string) {}
}

/** A column value that only fills an empty column: the first occurrence is the one that counts. */
export const keepFirst = (value: unknown) => new SqlChange((column, param) => `COALESCE(${column}, ${param(value)})`);
/** Adds the days from `from` to `until` (inclusive; null: open-ended) to a datemultirange column. */
export const addDays = (from: string, until: string | null) => new SqlChange((column, param) => `${column} + datemultirange(daterange(${param(from)}::date, ${param(until)}::date, '[]'))`);
/** Keeps only the days up to `until` (inclusive) of a datemultirange column. */
export const daysUpTo = (until: string) => new SqlChange((column, param) => `${column} * datemultirange(daterange(NULL, ${param(until)}::date, '[]'))`);

export type VersionChange = Readonly<Record<string, unknown>>;

export interface VersionedTable {
  readonly table: string;
  /** Every column but the key, recorded_from, recorded_until and version: copied into a new version. */
  readonly columns: readonly string[];
}

/**
 * Records a change of one row (table and column names come from code, never from event data):
 * the current version is closed at the event's recording instant and a new one opened with the
 * change, or changed in place when it was opened at that instant (events of one append share
 * it). A row that already took in this stream version is left alone, so redelivery changes
 * nothing. Returns false when there is no current version to change.
 */
export async function changeVersion(client: PoolClient, target: VersionedTable, key: VersionChange, event: ProjectedEvent, change: VersionChange): Promise<boolean> {
  const keyNames = Object.keys(key);
  const values: unknown[] = [...Object.values(key), event.recordedAt, event.streamVersion];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where = keyNames.map((name, index) => `${name} = $${index + 1}`).join(' AND ');
  const at = `$${keyNames.length + 1}::timestamptz`;
  const version = `$${keyNames.length + 2}::int`;
  const { rows } = await client.query<{ seen: boolean; same_instant: boolean }>(
    `SELECT version >= ${version} AS seen, recorded_from >= ${at} AS same_instant FROM ${target.table} WHERE ${where} AND recorded_until IS NULL FOR UPDATE`,
    values,
  );
  const current = rows[0];
  if (!current) return false;
  if (current.seen) return true;
  const expression = (column: string) => {
    const value = change[column];
    if (!(column in change)) return column;
    return value instanceof SqlChange ? value.build(column, param) : param(value);
  };
  const changed = target.columns.map((column) => [column, expression(column)] as const);
  if (current.same_instant) {
    const sets = changed.filter(([column]) => column in change).map(([column, sql]) => `${column} = ${sql}`);
    await client.query(`UPDATE ${target.table} SET ${[...sets, `version = ${version}`].join(', ')} WHERE ${where} AND recorded_until IS NULL AND recorded_from >= ${at}`, values);
    return true;
  }
  const columns = [...keyNames, 'recorded_from', 'recorded_until', 'version', ...target.columns];
  await client.query(
    `WITH closed AS (UPDATE ${target.table} SET recorded_until = ${at} WHERE ${where} AND recorded_until IS NULL RETURNING *)
     INSERT INTO ${target.table} (${columns.join(', ')})
     SELECT ${[...keyNames, at, 'NULL', version, ...changed.map(([, sql]) => sql)].join(', ')} FROM closed`,
    values,
  );
  return true;
}
