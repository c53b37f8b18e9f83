import type { ClientBase, Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on a connection the caller holds: COMMIT when it resolves,
 * ROLLBACK when it throws. The error `work` threw goes on even when ROLLBACK fails too: that one
 * says what went wrong, the ROLLBACK's only that the connection is no longer to be trusted, so it
 * goes to `rollbackFailed` and the caller decides what becomes of the connection.
 */
export async function inClientTransaction<C extends ClientBase, T>(client: C, work: (client: C) => Promise<T>, rollbackFailed: (rollback: Error) => void = () => undefined): Promise<T> {
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollback: unknown) => rollbackFailed(rollback instanceof Error ? rollback : new Error(String(rollback))));
    throw error;
  }
}

/**
 * Runs `work` in one transaction on a connection of its own (inClientTransaction). A connection
 * whose ROLLBACK failed is discarded, not pooled: after a client-side query timeout its query may
 * still be running on it.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await inClientTransaction(client, work, (rollback) => (broken = rollback));
  } finally {
    client.release(broken);
  }
}
