import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on a connection of its own: COMMIT when it resolves, ROLLBACK
 * when it throws (and the error goes on). A connection whose ROLLBACK failed is discarded, not
 * pooled: after a client-side query timeout its query may still be running on it.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken = await client.query('ROLLBACK').then(
      () => undefined,
      (rollback: unknown) => (rollback instanceof Error ? rollback : new Error(String(rollback))),
    );
    throw error;
  } finally {
    client.release(broken);
  }
}
