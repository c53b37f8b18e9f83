import type { PoolClient } from 'pg';
import type { ProjectedEvent } from './projection-contract';

/** A column value that only fills an empty column: the first occurrence is the one that counts. */
export class KeepFirst {
  constructor(readonly value: unknown) {}
}

export type Columns = Readonly<Record<string, unknown>>;

/**
 * Sets columns of the path's row in `table` (keyed by path_id, with a `version` column) only
 * when the row has not yet taken in this stream version: redelivery changes nothing. Table and
 * column names come from code, never from event data.
 */
export async function updatePathRow(client: PoolClient, table: string, event: ProjectedEvent, columns: Columns): Promise<void> {
  const names = Object.keys(columns);
  const sets = names.map((name, index) => (columns[name] instanceof KeepFirst ? `${name} = COALESCE(${name}, $${index + 3})` : `${name} = $${index + 3}`));
  const values = names.map((name) => {
    const value = columns[name];
    return value instanceof KeepFirst ? value.value : value;
  });
  await client.query(`UPDATE ${table} SET ${[...sets, 'version = $2'].join(', ')} WHERE path_id = $1 AND version < $2`, [event.streamId, event.streamVersion, ...values]);
}
