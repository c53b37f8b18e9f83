import { createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { inTransaction } from '@polku/event-store';
import { eventually } from '@polku/testing';
import type { Pool } from 'pg';
import { IdentityVault } from './identity-vault';
import { isolatedSchema, uniqueCode } from './testing/vault-fixtures';

const config = loadConfig();

/**
 * The one-active-path rule across an erasure, with the triggers of 0014 on the real database.
 * Paths are stood in for by their rows in client_active_paths, as the worker's append keeps
 * them, in a schema of the test's own (the shared one's rows are the running system's).
 */
describe('erasure guards on the real PostgreSQL', () => {
  let pool: Pool;
  let drop: () => Promise<void>;
  let vault: IdentityVault;

  beforeAll(async () => {
    ({ pool, drop } = await isolatedSchema(config.databaseUrl, 'guard_t'));
    vault = new IdentityVault(pool, config.identity);
  });
  afterAll(() => drop?.());

  /** As the worker's append does it: the insert is skipped (0 rows) when the rule refuses. */
  const activate = async (clientReference: string, db: Pick<Pool, 'query'> = pool): Promise<number> =>
    (await db.query('INSERT INTO client_active_paths (client_reference, path_id) VALUES ($1, $2) ON CONFLICT (client_reference) DO NOTHING', [clientReference, `guard-test-${randomUUID()}`])).rowCount ?? 0;
  const exit = (clientReference: string) => pool.query('DELETE FROM client_active_paths WHERE client_reference = $1', [clientReference]);
  const guardOf = async (clientReference: string) =>
    (await pool.query<{ fingerprint: Buffer }>('SELECT fingerprint FROM erased_client_guards WHERE client_reference = $1', [clientReference])).rows[0]?.fingerprint;
  const heldRowsOf = async (code: string) =>
    (await pool.query('SELECT 1 FROM client_identities WHERE blind_index = $1', [createHmac('sha256', blindIndexKey()).update(code).digest()])).rowCount;

  /** The design's derivation, restated here: the test must not trust the code it checks. */
  const blindIndexKey = (): Buffer => Buffer.from(hkdfSync('sha256', config.identity.masterKey, Buffer.alloc(0), 'polku/identity/blind-index', 32));

  it('keeps a keyed fingerprint of a client erased during an active path, and answers the code with the erased reference', async () => {
    const code = uniqueCode();
    const { clientReference } = await vault.register(code);
    expect(await activate(clientReference)).toBe(1);
    await vault.erase(clientReference);
    const fingerprint = await guardOf(clientReference);
    expect(fingerprint).toEqual(createHmac('sha256', config.identity.fingerprintKey).update(code).digest());
    expect(fingerprint?.includes(Buffer.from(code))).toBe(false);
    // The same code at intake: the erased reference, which already has its active path.
    expect(await vault.register(code)).toEqual({ clientReference, created: false });
    expect(await heldRowsOf(code)).toBe(0);
    expect(await activate(clientReference)).toBe(0);
    expect(await vault.find(code)).toBeUndefined();
    await exit(clientReference);
  });

  it('drops the fingerprint when that path exits; the code then registers anew', async () => {
    const code = uniqueCode();
    const { clientReference } = await vault.register(code);
    await activate(clientReference);
    await vault.erase(clientReference);
    await exit(clientReference);
    expect(await guardOf(clientReference)).toBeUndefined();
    const again = await vault.register(code);
    expect(again).toEqual({ clientReference: expect.not.stringMatching(clientReference), created: true });
    expect(await activate(again.clientReference)).toBe(1);
    await exit(again.clientReference);
  });

  it('keeps no fingerprint for a client erased with no active path', async () => {
    const { clientReference } = await vault.register(uniqueCode());
    await vault.erase(clientReference);
    expect(await guardOf(clientReference)).toBeUndefined();
  });

  it('never lets an erased reference become active again (no reopened path)', async () => {
    const { clientReference } = await vault.register(uniqueCode());
    await activate(clientReference);
    await exit(clientReference);
    await vault.erase(clientReference);
    expect(await activate(clientReference)).toBe(0);
    expect((await pool.query('SELECT 1 FROM client_active_paths WHERE client_reference = $1', [clientReference])).rowCount).toBe(0);
  });

  it('makes an activation wait for an erasure in flight, then refuses it', async () => {
    const { clientReference } = await vault.register(uniqueCode());
    const activator = await pool.connect();
    try {
      const pid = (await activator.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      let activation: Promise<number> | undefined;
      await inTransaction(pool, async (tx) => {
        await vault.erase(clientReference, tx);
        activation = activate(clientReference, activator);
        // Still inside the erasure's transaction: the activation must be waiting on its lock.
        await eventually(async () => ((await pool.query('SELECT 1 FROM pg_locks WHERE pid = $1 AND NOT granted', [pid])).rowCount ? true : undefined), { what: 'the activation to wait for the erasure' });
      });
      expect(await activation).toBe(0);
    } finally {
      activator.release();
    }
  });
});
