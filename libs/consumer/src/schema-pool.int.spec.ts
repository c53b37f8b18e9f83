import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { createSchemaPool } from './schema-pool';
import { isTransient } from './transient';

const config = loadConfig();
const BOUNDS = { statementTimeoutMs: 200, idleInTransactionTimeoutMs: 400 };

describe('a consumer schema pool on the real PostgreSQL', () => {
  const schema = `pool_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

  it('resolves names in its schema and carries the configured bounds when given none', async () => {
    const pool = createSchemaPool(config.databaseUrl, schema, 1);
    try {
      const { rows } = await pool.query(
        `SELECT current_setting('search_path') AS "searchPath",
                (SELECT setting FROM pg_settings WHERE name = 'statement_timeout') AS "statementMs",
                (SELECT setting FROM pg_settings WHERE name = 'idle_in_transaction_session_timeout') AS "idleMs"`,
      );
      expect(rows[0]).toMatchObject({
        searchPath: schema,
        statementMs: String(config.database.statementTimeoutMs),
        idleMs: String(config.database.idleInTransactionTimeoutMs),
      });
    } finally {
      await pool.end();
    }
  });

  it('cancels a statement past the timeout it is given, as a transient failure the consumer retries', async () => {
    const pool = createSchemaPool(config.databaseUrl, schema, { max: 1, ...BOUNDS });
    try {
      const failure = await pool.query('SELECT pg_sleep(5)').then(() => undefined, (error: unknown) => error);
      expect(failure).toMatchObject({ code: '57014' });
      expect(isTransient(failure)).toBe(true);
    } finally {
      await pool.end();
    }
  });
});
