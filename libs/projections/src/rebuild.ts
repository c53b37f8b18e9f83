import { inTransaction } from '@polku/event-store';
import type { Pool } from 'pg';
import { applyNextBatch, lockProjections, type RunOptions } from './projection-runner';
import type { Projection } from './projection-contract';

/**
 * Rebuilds the projections from the whole event store in one transaction: readers see the old
 * tables until the new ones commit, and the shared lock keeps the live runner out meanwhile.
 * Returns the row count of every projection table.
 *
 * Deliberately not exempt from the pool's statement timeout (unlike migrations): the transaction
 * is long but each statement in it is one batch's worth, and the timeout bounds statements, not
 * transactions. Between statements it waits on readAll over another connection, itself bounded
 * by the statement timeout, which is why the idle-in-transaction bound must exceed it (config).
 * Keeping the bound means a rebuild stuck on a lock fails instead of holding the projection lock.
 */
export async function rebuild(pool: Pool, projections: readonly Projection[], options: RunOptions): Promise<Record<string, number>> {
  const names = projections.map((projection) => projection.name);
  const tables = projections.flatMap((projection) => projection.tables);
  return inTransaction(pool, async (client) => {
    await lockProjections(client);
    await client.query(`TRUNCATE ${tables.join(', ')}`);
    // No checkpoint row means START; parked events get their chance again.
    await client.query('DELETE FROM projection_checkpoints WHERE name = ANY($1::text[])', [names]);
    await client.query('DELETE FROM projection_parked WHERE name = ANY($1::text[])', [names]);
    for (const projection of projections) {
      while ((await applyNextBatch(pool, client, projection, options)) > 0);
    }
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
      counts[table] = Number(rows[0]?.count ?? 0);
    }
    return counts;
  });
}
