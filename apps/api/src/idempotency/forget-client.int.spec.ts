import { randomBytes, randomUUID } from 'node:crypto';
import { storeOnPostgres } from './testing/store-on-postgres';

const reference = () => `cref_${randomBytes(12).toString('hex')}`;

/** On erasure, kept answers naming the client go, wherever in the answer the reference sits. */
describe('IdempotencyStore.forgetClient on the real PostgreSQL', () => {
  const db = storeOnPostgres('forget-test');

  async function keep(body: unknown): Promise<string> {
    const key = `key-${randomUUID()}`;
    await db.pool.query('INSERT INTO idempotency_keys (user_id, key, request_hash, status, body) VALUES ($1, $2, $3, 200, $4)', [db.scope, key, 'h', JSON.stringify(body)]);
    return key;
  }
  const kept = async (key: string) => (await db.pool.query('SELECT 1 FROM idempotency_keys WHERE user_id = $1 AND key = $2', [db.scope, key])).rowCount;

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
    await db.store.forgetClient(client);
    expect(await Promise.all(keys.map(kept))).toEqual([0, 0, 0, 0, 0]);
    expect(await kept(other)).toBe(1);
  });
});
