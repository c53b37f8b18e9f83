import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@polku/config';
import type { Pool } from 'pg';
import { migrate, MigrationError } from './migrate';
import { createPool } from './pool';

/** A folder holding one migration file. */
async function folderWith(file: string, sql: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'polku-migrations-'));
  await writeFile(join(dir, file), sql);
  return dir;
}

/** A migration that fails, in a schema (and version table) of the test's own. */
describe('migrate on the real PostgreSQL: a failing migration', () => {
  let pool: Pool;
  let schema: string;
  const table = (): string => `${schema}.schema_migrations`;
  const recorded = async (): Promise<number[]> => (await pool.query<{ version: number }>(`SELECT version FROM ${table()}`)).rows.map((row) => row.version);

  beforeAll(() => (pool = createPool(loadConfig().databaseUrl, 2)));
  afterAll(() => pool.end());

  beforeEach(() => (schema = `migrate_fail_${randomUUID().replace(/-/g, '').slice(0, 12)}`));
  afterEach(() => pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));

  it('is rolled back whole and recorded nowhere', async () => {
    const dir = await folderWith('0001_half.sql', `CREATE TABLE ${schema}.half (id int); SELECT 1 / 0;`);

    const outcome = migrate(pool, dir, { table: table() });

    await expect(outcome).rejects.toMatchObject({ name: MigrationError.name, message: 'Migration 0001_half.sql failed: division by zero' });
    expect((await pool.query(`SELECT to_regclass('${schema}.half') AS half`)).rows).toEqual([{ half: null }]);
    expect(await recorded()).toEqual([]);
  });

  it('reports its own error when its session died and ROLLBACK failed too, and the pool goes on', async () => {
    const dir = await folderWith('0001_cut.sql', 'SELECT pg_terminate_backend(pg_backend_pid());');

    const outcome = migrate(pool, dir, { table: table() });

    await expect(outcome).rejects.toMatchObject({ name: MigrationError.name, message: 'Migration 0001_cut.sql failed: terminating connection due to administrator command' });
    expect(await recorded()).toEqual([]);
    expect(await migrate(pool, await folderWith('0001_cut.sql', 'SELECT 1;'), { table: table() })).toEqual([1]);
  });
});
