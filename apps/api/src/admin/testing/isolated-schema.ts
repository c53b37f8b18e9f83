import { randomUUID } from 'node:crypto';
import { createPool, migrate } from '@polku/event-store';
import type { Pool } from 'pg';

/**
 * A throw-away schema with every migration applied, for tests that write events of their own:
 * in the shared database the relay would publish them and the projections take them in.
 */
export async function isolatedSchema(databaseUrl: string, prefix: string): Promise<{ pool: Pool; drop: () => Promise<void> }> {
  const schema = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = createPool(databaseUrl, 1);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pool = createPool(databaseUrl, { max: 4, searchPath: schema });
  await migrate(pool);
  const drop = async () => {
    await pool.end();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  };
  return { pool, drop };
}
