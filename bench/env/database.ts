import { createPool, migrate, onServer } from '@polku/event-store';
import type { Pool } from 'pg';
import { bounded } from '../support/limits';

/** DROP … WITH (FORCE) cuts the run's own sessions; it still must not hang a clean-up. */
const DROP_WITHIN_MS = 30_000;
const OWNER_POOL_SIZE = 8;
const NAME = /^polku_bench_[a-z0-9]+$/;

/**
 * The run's own database on the local server: created and migrated with the owner's credentials
 * (DATABASE_URL), so the app roles get their grants in it (the roles are cluster-wide and exist),
 * and dropped at the end. Nothing the benchmarks write reaches the live database, its
 * projections or its staff lists.
 */
export class BenchDatabase {
  private constructor(
    readonly name: string,
    private readonly serverUrl: string,
    /** The owner's URL of this database: the apps under test derive their own roles' from it. */
    readonly url: string,
    /** The owner's pool: set-up, counts and checks. */
    readonly pool: Pool,
  ) {}

  static async create(serverUrl: string, runId: string): Promise<BenchDatabase> {
    const name = `polku_bench_${runId}`;
    if (!NAME.test(name)) throw new Error(`not a bench database name: ${name}`);
    await onServer(serverUrl, `CREATE DATABASE ${name}`);
    const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
    const database = new BenchDatabase(name, serverUrl, url, createPool(url, { max: OWNER_POOL_SIZE, applicationName: 'polku-bench' }));
    try {
      await migrate(database.pool);
    } catch (error) {
      await database.drop().catch(() => undefined);
      throw error;
    }
    return database;
  }

  /** A pool of the owner's on this database, for a benchmark that needs more connections. */
  ownerPool(max: number): Pool {
    return createPool(this.url, { max, applicationName: 'polku-bench' });
  }

  async drop(): Promise<void> {
    await bounded(this.pool.end(), DROP_WITHIN_MS, 'closing the owner pool').catch(() => undefined);
    await dropDatabase(this.serverUrl, this.name);
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (!NAME.test(name)) throw new Error(`refusing to drop ${name}: not a bench database`);
  await bounded(onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`), DROP_WITHIN_MS, `dropping ${name}`);
}

/** Databases of earlier runs on the server (a run killed before its clean-up leaves one). */
export async function benchDatabases(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>("SELECT datname AS name FROM pg_database WHERE datname LIKE 'polku\\_bench\\_%'");
  return rows.map((r) => r.name).filter((name) => NAME.test(name));
}
