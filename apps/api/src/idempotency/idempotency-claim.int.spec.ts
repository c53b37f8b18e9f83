import { randomUUID } from 'node:crypto';
import { storeOnPostgres } from './testing/store-on-postgres';

/** Every answer `claim` gives, on the real PostgreSQL: the row it leaves is asserted with it. */
describe('IdempotencyStore.claim on the real PostgreSQL', () => {
  const db = storeOnPostgres('claim-test');
  const key = () => `key-${randomUUID()}`;
  const claim = (k: string, hash: string) => db.store.claim(db.scope, k, hash);

  const row = async (k: string) =>
    (await db.pool.query('SELECT request_hash, status, body, created_at FROM idempotency_keys WHERE user_id = $1 AND key = $2', [db.scope, k])).rows[0] as
      | { request_hash: string; status: number | null; body: unknown; created_at: Date }
      | undefined;
  /** Moves a claim's start back, as if its request had started `minutes` ago. */
  const startedAgo = (k: string, minutes: number) => db.pool.query(`UPDATE idempotency_keys SET created_at = now() - make_interval(mins => $3) WHERE user_id = $1 AND key = $2`, [db.scope, k, minutes]);

  it('claims a new key, and replays the completed answer to the same request', async () => {
    const k = key();
    expect(await claim(k, 'hash-a')).toEqual({ kind: 'claimed' });
    await db.store.complete(db.scope, k, 201, { pathId: 'p-1' });
    expect(await claim(k, 'hash-a')).toEqual({ kind: 'replay', status: 201, body: { pathId: 'p-1' } });
  });

  it('refuses the key with another request, whether the first is done or not, and keeps the first', async () => {
    const [done, running] = [key(), key()];
    await claim(done, 'hash-a');
    await db.store.complete(db.scope, done, 200, { ok: true });
    await claim(running, 'hash-a');
    expect([await claim(done, 'hash-b'), await claim(running, 'hash-b')]).toEqual([{ kind: 'reused' }, { kind: 'reused' }]);
    expect([(await row(done))?.request_hash, (await row(running))?.request_hash]).toEqual(['hash-a', 'hash-a']);
  });

  it('answers in-progress while the first request runs, without taking its claim', async () => {
    const k = key();
    await claim(k, 'hash-a');
    await startedAgo(k, 1);
    const before = await row(k);
    expect(await claim(k, 'hash-a')).toEqual({ kind: 'in-progress' });
    expect(await row(k)).toEqual(before);
  });

  it('lets the same request take over a claim abandoned for over two minutes, starting its clock again', async () => {
    const k = key();
    await claim(k, 'hash-a');
    await startedAgo(k, 3);
    const abandoned = await row(k);
    expect(await claim(k, 'hash-a')).toEqual({ kind: 'claimed' });
    expect((await row(k))?.created_at.getTime()).toBeGreaterThan(abandoned?.created_at.getTime() ?? Infinity);
    expect(await claim(k, 'hash-a')).toEqual({ kind: 'in-progress' });
  });

  it('never lets another request take over an abandoned claim, nor anyone a completed answer', async () => {
    const [abandoned, old] = [key(), key()];
    await claim(abandoned, 'hash-a');
    await claim(old, 'hash-a');
    await db.store.complete(db.scope, old, 200, { ok: true });
    await Promise.all([startedAgo(abandoned, 3), startedAgo(old, 3)]);
    expect(await claim(abandoned, 'hash-b')).toEqual({ kind: 'reused' });
    expect(await claim(old, 'hash-a')).toEqual({ kind: 'replay', status: 200, body: { ok: true } });
  });

  it('frees a released claim for the retry, but never a completed answer', async () => {
    const [released, completed] = [key(), key()];
    await claim(released, 'hash-a');
    await db.store.release(db.scope, released);
    expect(await row(released)).toBeUndefined();
    expect(await claim(released, 'hash-b')).toEqual({ kind: 'claimed' });
    await claim(completed, 'hash-a');
    await db.store.complete(db.scope, completed, 200, { ok: true });
    await db.store.release(db.scope, completed);
    expect((await row(completed))?.status).toBe(200);
  });
});
