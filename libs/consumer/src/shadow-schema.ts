import { migrate } from '@polku/event-store';
import type { Pool } from 'pg';
import { assertIdentifier, createSchemaPool } from './schema-pool';

/**
 * Where a rebuild builds its tables: a sibling of the consumer's schema. The handlers and the
 * migrations use unqualified names and the pool's search_path picks the schema, so the same
 * migrations create the same tables there and the same handler fills them: no second copy of
 * any SQL. PostgreSQL's identifiers stop at 63 bytes; a longer name would be cut, not refused.
 */
export function shadowSchemaOf(schema: string): string {
  const shadow = assertIdentifier(`${schema}_rebuild`);
  if (shadow.length > 63) throw new Error(`Schema ${schema} is too long to have a rebuild schema`);
  return shadow;
}

/** A fresh shadow schema, migrated, and a pool on it. Leftovers of a rebuild that crashed are dropped first. */
export async function createShadow(databaseUrl: string, schema: string, migrationsDir: string): Promise<Pool> {
  const shadow = shadowSchemaOf(schema);
  const pool = createSchemaPool(databaseUrl, shadow);
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${shadow} CASCADE`);
    await migrate(pool, migrationsDir, { table: `${shadow}.schema_migrations` });
    return pool;
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** Drops the shadow schema with whatever it still holds. */
export async function dropShadow(pool: Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${shadowSchemaOf(schema)} CASCADE`);
}
