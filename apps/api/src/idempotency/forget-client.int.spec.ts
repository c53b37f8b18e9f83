import { randomBytes, randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { createPool, migrate } from '@polku/event-store';
import type { Pool } from 'pg';
import type { AppConfig } from '../infrastructure/connections';
import { IdempotencyStore } from './idempotency.store';

const config = loadConfig();
const reference = () => `cref_${randomBytes(12).toString('hex')}`;

/** On erasure, kept answers naming the client go, wherever in the answer the reference sits. */
describe('IdempotencyStore.forgetClient on the real PostgreSQL', () => {
  let pool: Pool;
  let store: IdempotencyStore;
  const scope = `forget-test-${randomUUID()}`;

  beforeAll(async () => {
    pool = createPool(config.databaseUrl, 2);
    await migrate(pool);
    store = new IdempotencyStore(pool, { values: config } as AppConfig);
  });
  afterAll(async () => {
    await pool.query('DELETE FROM idempotency_keys WHERE user_id = $1', [scope]);
    await pool.end();
  });

  async function keep(body: unknown): Promise<string> {
    const key = `key-${randomUUID()}`;
    await pool.query('INSERT INTO idempotency_keys (user_id, key, request_hash, status, body) VALUES ($1, $2, $3, 200, $4)', [scope, key, 'h', JSON.stringify(body)]);
    return key;
  }
  const kept = async (key: string) => (await pool.query('SELECT 1 FROM idempotency_keys WHERE user_id = $1 AND key = $2', [scope, key])).rowCount;

  it('forgets answers naming the client at the top, nested, in a list, as a key or inside a text', async () => {
    const client = reference();
    const keys = await Promise.all([
      keep({ pathId: 'p', clientReference: client }),
      keep({ path: { status: 'ACTIVE', clientReference: client, version: 3 }, allowedCommands: [] }),
      keep({ items: [{ pathId: 'a', clientReference: reference() }, { pathId: 'b', clientReference: client }] }),
      keep({ byClient: { [client]: 1 } }),
      keep({ note: `client ${client} erased` }),
    ]);
    const other = await keep({ path: { clientReference: reference() } });
    await store.forgetClient(client);
    expect(await Promise.all(keys.map(kept))).toEqual([0, 0, 0, 0, 0]);
    expect(await kept(other)).toBe(1);
  });
});
