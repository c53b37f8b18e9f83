import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { createPool, migrate } from '@polku/event-store';
import type { Pool } from 'pg';

export interface ThrowawayDatabase {
  readonly url: string;
  readonly pool: Pool;
  /** Closes the pool and drops the database (other sessions on it are cut). */
  drop(): Promise<void>;
}

/**
 * A migrated database of the test's own on the project's server: the running relay app
 * publishes the shared outbox, so a test that needs the outbox to itself cannot use that one.
 */
export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const server = new URL(loadConfig().databaseUrl);
  const name = `polku_relay_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = createPool(server.toString(), 1);
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = Object.assign(new URL(server.toString()), { pathname: `/${name}` }).toString();
  const pool = createPool(url, 6);
  await migrate(pool);
  return { url, pool, drop: () => dropDatabase(pool, server.toString(), name) };
}

async function dropDatabase(pool: Pool, serverUrl: string, name: string): Promise<void> {
  await pool.end();
  const admin = createPool(serverUrl, 1);
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
