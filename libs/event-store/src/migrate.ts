import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool, PoolClient, QueryConfig } from 'pg';
import { inClientTransaction } from './transaction';

/** Where the project's versioned SQL migrations live: `NNNN_name.sql`, applied in order. */
export const MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

// Any fixed 64-bit number: every runner takes the same advisory lock, so concurrent
// `migrate()` calls (apps starting side by side, parallel tests) apply each file once.
const MIGRATION_LOCK_KEY = 7_304_151_220n;

// Node's largest timer delay (2^31 - 1 ms, ~24 days): in effect no client-side query timeout.
const UNBOUNDED_QUERY_MS = 2_147_483_647;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly file: string;
  readonly sql: string;
  readonly checksum: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (file) => {
      const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match) throw new MigrationError(`Migration file ${file} is not named NNNN_name.sql`);
      const sql = await readFile(join(dir, file), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      return { version: Number(match[1]), name: match[2] ?? file, file, sql, checksum };
    }),
  );
}

export interface MigrateOptions {
  /**
   * Where applied versions are recorded. A consumer with its own schema and its own migration
   * folder passes e.g. `municipal.schema_migrations`, so its 0001 never collides with ours.
   */
  readonly table?: string;
}

const TABLE_NAME = /^([a-z_][a-z0-9_]*\.)?[a-z_][a-z0-9_]*$/;

/** Applies every pending migration, each in its own transaction. Returns the versions applied. */
export async function migrate(pool: Pool, dir: string = MIGRATIONS_DIR, options: MigrateOptions = {}): Promise<number[]> {
  const table = options.table ?? 'schema_migrations';
  // The name is interpolated into SQL (identifiers cannot be parameters), so only plain names pass.
  if (!TABLE_NAME.test(table)) throw new MigrationError(`Migration table ${table} is not a plain [schema.]name`);
  const migrations = await loadMigrations(dir);
  const client = await pool.connect();
  try {
    // Every pool bounds statements (createPool), but a migration may legitimately run longer (an
    // index build, a backfill), and a runner waiting for the lock below waits as long as another
    // runner's migrations take. So this session is exempt until the RESET in `finally`, and its
    // long queries skip the client-side timeout; a cut link is still noticed by TCP keep-alive.
    await client.query('SET statement_timeout = 0');
    await client.query(unbounded('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]));
    await ensureTable(client, table);
    const applied = await appliedChecksums(client, table);
    const pending = migrations.filter((migration) => !applied.has(migration.version));
    assertUnchanged(migrations, applied);
    for (const migration of pending) await applyOne(client, migration, table);
    return pending.map((migration) => migration.version);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch(() => undefined);
    // Back to the pool's bound; a session that may still be exempt is discarded, not pooled.
    const unrestored = await client.query('RESET statement_timeout').then(() => undefined, (error: Error) => error);
    client.release(unrestored);
  }
}

/** A query without the pool's client-side timeout (a per-query option @types/pg leaves out; 0 would mean "the pool's"). */
function unbounded(text: string, values?: unknown[]): QueryConfig {
  return { text, values, query_timeout: UNBOUNDED_QUERY_MS } as QueryConfig;
}

async function ensureTable(client: PoolClient, table: string): Promise<void> {
  const schema = table.includes('.') ? table.split('.')[0] : undefined;
  if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await client.query(`CREATE TABLE IF NOT EXISTS ${table} (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
}

async function appliedChecksums(client: PoolClient, table: string): Promise<Map<number, string>> {
  const { rows } = await client.query<{ version: number; checksum: string }>(`SELECT version, checksum FROM ${table}`);
  return new Map(rows.map((row) => [row.version, row.checksum]));
}

// An applied migration must never change: the database would silently differ from the file.
function assertUnchanged(migrations: Migration[], applied: Map<number, string>): void {
  for (const migration of migrations) {
    const checksum = applied.get(migration.version);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${migration.file} was changed after it was applied; add a new migration instead`,
      );
    }
  }
}

/**
 * One migration and its version row, in one transaction on the session holding the lock. A
 * session whose ROLLBACK failed needs no discarding here: its RESET in `migrate` waits for that
 * ROLLBACK, and a session that cannot answer the RESET is discarded there.
 */
async function applyOne(client: PoolClient, migration: Migration, table: string): Promise<void> {
  await inClientTransaction(client, async (tx) => {
    await tx.query(unbounded(migration.sql));
    await tx.query(`INSERT INTO ${table} (version, name, checksum) VALUES ($1, $2, $3)`, [migration.version, migration.name, migration.checksum]);
  }).catch((error: unknown) => {
    throw new MigrationError(`Migration ${migration.file} failed: ${(error as Error).message}`);
  });
}
