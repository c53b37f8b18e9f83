import type { Pool } from 'pg';

export type ReleaseLock = () => Promise<void>;

/**
 * A PostgreSQL session lock per consumer schema, held on a connection of its own for a whole
 * rebuild. Two processes rebuilding one schema (two replicas, two admins) would share one shadow
 * schema, and the second would drop it under the first; the second is refused instead.
 * Undefined when another session holds it.
 */
export async function tryRebuildLock(pool: Pool, schema: string): Promise<ReleaseLock | undefined> {
  const client = await pool.connect();
  const key = `polku-rebuild:${schema}`;
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]);
    if (rows[0]?.locked !== true) {
      client.release();
      return undefined;
    }
  } catch (error) {
    client.release(true);
    throw error;
  }
  return async () => {
    const unlocked = await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).then(() => undefined, (error: Error) => error);
    // A session that may still hold the lock is closed, not pooled: closing releases it.
    client.release(unlocked);
  };
}
