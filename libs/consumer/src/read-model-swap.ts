import { inTransaction } from '@polku/event-store';
import type { Pool, PoolClient } from 'pg';
import { assertIdentifier } from './schema-pool';
import { shadowSchemaOf } from './shadow-schema';

/**
 * A reader that holds a live table longer than this makes the swap fail (and the rebuild with it,
 * the live tables untouched) rather than queue every later reader behind the swap's lock.
 */
const SWAP_LOCK_TIMEOUT = '5s';

/**
 * Puts the shadow's tables in place of the live ones in one transaction: each live table is
 * dropped and its shadow twin moved into the live schema under the same name, processed_events
 * included. Readers see the old rows until the commit and the new ones after it, never a mix or
 * an empty table; if anything fails, the transaction rolls back and the live tables stay as they
 * were. Every table the migrations made is swapped (schema_migrations aside: the same files ran
 * on both). Returns the table names swapped.
 */
export async function swapInShadow(pool: Pool, schema: string): Promise<string[]> {
  const shadow = shadowSchemaOf(schema);
  return inTransaction(pool, async (db) => {
    await db.query(`SET LOCAL lock_timeout = '${SWAP_LOCK_TIMEOUT}'`);
    const tables = await tablesOf(db, shadow);
    if (tables.length === 0) throw new Error(`The rebuild schema ${shadow} holds no tables`);
    const live = await tablesOf(db, schema);
    const existing = tables.filter((table) => live.includes(table));
    // All locks at once, in one order: a reader joining two tables cannot deadlock with the swap.
    if (existing.length > 0) await db.query(`LOCK TABLE ${existing.map((table) => `${schema}.${table}`).join(', ')} IN ACCESS EXCLUSIVE MODE`);
    for (const table of tables) {
      await db.query(`DROP TABLE IF EXISTS ${schema}.${table}`);
      await db.query(`ALTER TABLE ${shadow}.${table} SET SCHEMA ${schema}`);
    }
    return tables;
  });
}

async function tablesOf(db: PoolClient, schema: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY table_name`,
    [schema],
  );
  return rows.map((row) => assertIdentifier(row.name));
}
