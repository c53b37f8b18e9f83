import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { migrate } from '../migrate';
import { onServer } from '../on-server';
import { createPool } from '../pool';

export interface ScratchDatabase {
  /** The owner's URL of the scratch database. */
  readonly url: string;
  /** The owner's pool on it. */
  readonly pool: Pool;
  drop(): Promise<void>;
}

/**
 * A freshly migrated database of the test's own on the project's server (`ownerUrl`'s), so a
 * test can write what the shared database's relay and projections must never see.
 */
export async function createScratchDatabase(ownerUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await onServer(ownerUrl, `CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(ownerUrl), { pathname: `/${name}` }).toString();
  const pool = createPool(url, 4);
  const drop = async (): Promise<void> => {
    await pool.end();
    await onServer(ownerUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  await migrate(pool).catch(async (error: unknown) => {
    await drop();
    throw error;
  });
  return { url, pool, drop };
}
