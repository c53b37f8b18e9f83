import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { createPool, migrate } from '@polku/event-store';
import type { Pool } from 'pg';
import { IdentityIntegrityError } from './identity-crypto';
import { IdentityVault } from './identity-vault';
import { uniqueCode } from './testing/vault-fixtures';

const config = loadConfig();
const SECRET_COLUMNS = ['blind_index', 'master_key_id', 'wrapped_key', 'key_iv', 'key_tag', 'code_ciphertext', 'code_iv', 'code_tag'];
const REFERENCE = /^cref_[a-z0-9]{16,40}$/;

/** The blind index as the design specifies it, computed here independently of the vault. */
function expectedBlindIndex(code: string): Buffer {
  const key = Buffer.from(hkdfSync('sha256', config.identity.masterKey, Buffer.alloc(0), 'polku/identity/blind-index', 32));
  return createHmac('sha256', key).update(code).digest();
}

/** The pool, except the first `parties` blind-index lookups all wait for one another. */
function withLookupBarrier(pool: Pool, parties: number): Pool {
  let arrived = 0;
  let release: () => void = () => undefined;
  const allArrived = new Promise<void>((resolve) => (release = resolve));
  const query = async (text: string, values?: unknown[]) => {
    const result = await pool.query(text, values);
    if (/^SELECT client_reference FROM client_identities WHERE blind_index/.test(text) && arrived < parties) {
      arrived += 1;
      if (arrived === parties) release();
      await allArrived;
    }
    return result;
  };
  return new Proxy(pool, { get: (target, key) => (key === 'query' ? query : Reflect.get(target, key)) });
}

describe('IdentityVault on the real PostgreSQL', () => {
  let pool: Pool;
  let vault: IdentityVault;

  beforeAll(async () => {
    pool = createPool(config.databaseUrl, 12);
    await migrate(pool);
    vault = new IdentityVault(pool, config.identity.masterKey);
  });
  afterAll(() => pool.end());

  async function storedRow(clientReference: string): Promise<Record<string, unknown>> {
    const { rows } = await pool.query('SELECT * FROM client_identities WHERE client_reference = $1', [clientReference]);
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  async function rowsWithBlindIndexOf(code: string): Promise<number> {
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM client_identities WHERE blind_index = $1', [expectedBlindIndex(code)]);
    return rows[0].n;
  }

  it('registers a code once: the second registration returns the same reference, not created', async () => {
    const code = uniqueCode();
    const first = await vault.register(code);
    const second = await vault.register(code);
    expect(first).toEqual({ clientReference: expect.stringMatching(REFERENCE), created: true });
    expect(second).toEqual({ clientReference: first.clientReference, created: false });
    expect(await rowsWithBlindIndexOf(code)).toBe(1);
  });

  it('gives ten concurrent registrations of one new code exactly one reference', async () => {
    const code = uniqueCode();
    // Left alone, the first registration often commits before the others look, and the race
    // never happens; the barrier makes all ten miss the lookup and race to insert.
    const racing = new IdentityVault(withLookupBarrier(pool, 10), config.identity.masterKey);
    const results = await Promise.all(Array.from({ length: 10 }, () => racing.register(code)));
    expect(new Set(results.map((result) => result.clientReference)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await rowsWithBlindIndexOf(code)).toBe(1);
  });

  it('finds a lower-case entry of a held code under its canonical reference', async () => {
    const code = uniqueCode();
    const { clientReference } = await vault.register(code);
    expect(await vault.register(code.toLowerCase())).toEqual({ clientReference, created: false });
  });

  it('refuses an invalid code without repeating it in the error', async () => {
    const code = `${uniqueCode().slice(0, 10)}G`;
    const before = await pool.query('SELECT count(*)::int AS n FROM client_identities');
    const error = await vault.register(code).then(() => undefined, (caught: Error) => caught);
    expect(error?.message).toMatch(/CHECK_CHARACTER/);
    expect(error?.message).not.toContain(code.slice(0, 6));
    expect((await pool.query('SELECT count(*)::int AS n FROM client_identities')).rows[0].n).toBe(before.rows[0].n);
  });

  it('stores no trace of the code in any column, and reveals it', async () => {
    const code = uniqueCode();
    const { clientReference } = await vault.register(code);
    const row = await storedRow(clientReference);
    const traces = [code, code.slice(0, 6) + code.slice(7, 10), Buffer.from(code).toString('hex'), Buffer.from(code).toString('base64')];
    for (const value of Object.values(row)) {
      const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value));
      for (const trace of traces) expect(bytes.includes(trace)).toBe(false);
    }
    const asText = await pool.query('SELECT t::text AS text FROM client_identities t WHERE client_reference = $1', [clientReference]);
    for (const trace of traces) expect(asText.rows[0].text).not.toContain(trace.toLowerCase());
    expect(await vault.reveal(clientReference)).toBe(code);
    expect(await vault.status(clientReference)).toEqual({ status: 'HELD', masked: `******${code.charAt(6)}***${code.charAt(10)}` });
  });

  it('erases in full: nothing secret stays, the reference reads ERASED, and the code registers anew', async () => {
    const code = uniqueCode();
    const { clientReference } = await vault.register(code);
    const erased = await vault.erase(clientReference);
    expect(erased).toEqual({ erasedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), first: true });
    expect(await vault.erase(clientReference)).toEqual({ erasedAt: erased?.erasedAt, first: false });
    expect(await vault.reveal(clientReference)).toBeUndefined();
    expect(await vault.status(clientReference)).toEqual({ status: 'ERASED', erasedAt: erased?.erasedAt });
    const row = await storedRow(clientReference);
    for (const column of SECRET_COLUMNS) expect(row[column]).toBeNull();
    const again = await vault.register(code);
    expect(again).toEqual({ clientReference: expect.stringMatching(REFERENCE), created: true });
    expect(again.clientReference).not.toBe(clientReference);
    expect(await vault.reveal(again.clientReference)).toBe(code);
  });

  it('finds the reference of a held code, and nothing for an unknown, invalid or erased one', async () => {
    const code = uniqueCode();
    expect(await vault.find(code)).toBeUndefined();
    const { clientReference } = await vault.register(code);
    expect(await vault.find(code.toLowerCase())).toBe(clientReference);
    expect(await vault.find(`${code.slice(0, 10)}G`)).toBeUndefined();
    await vault.erase(clientReference);
    expect(await vault.find(code)).toBeUndefined();
  });

  it('answers undefined for a reference it never issued', async () => {
    const unknown = `cref_${randomBytes(12).toString('hex')}`;
    expect(await vault.reveal(unknown)).toBeUndefined();
    expect(await vault.status(unknown)).toBeUndefined();
    expect(await vault.erase(unknown)).toBeUndefined();
    expect((await pool.query('SELECT 1 FROM client_identities WHERE client_reference = $1', [unknown])).rows).toEqual([]);
  });

  it.each(['code_ciphertext', 'code_tag', 'wrapped_key', 'key_iv'])('refuses to reveal when one byte of %s is flipped', async (column) => {
    const { clientReference } = await vault.register(uniqueCode());
    await pool.query(`UPDATE client_identities SET ${column} = set_byte(${column}, 0, get_byte(${column}, 0) # 1) WHERE client_reference = $1`, [clientReference]);
    await expect(vault.reveal(clientReference)).rejects.toThrow(IdentityIntegrityError);
    await expect(vault.status(clientReference)).rejects.toThrow(IdentityIntegrityError);
  });

  it('refuses to reveal a ciphertext moved onto another client reference', async () => {
    const victim = await vault.register(uniqueCode());
    const other = await vault.register(uniqueCode());
    await pool.query(
      `UPDATE client_identities AS target SET (${SECRET_COLUMNS.slice(1).join(', ')}) = (SELECT ${SECRET_COLUMNS.slice(1).join(', ')} FROM client_identities WHERE client_reference = $1)
        WHERE target.client_reference = $2`,
      [victim.clientReference, other.clientReference],
    );
    await expect(vault.reveal(other.clientReference)).rejects.toThrow(IdentityIntegrityError);
  });

  it('cannot be read under another master key', async () => {
    const code = uniqueCode();
    const { clientReference } = await vault.register(code);
    const stranger = new IdentityVault(pool, randomBytes(32));
    await expect(stranger.reveal(clientReference)).rejects.toThrow(IdentityIntegrityError);
    expect(await vault.reveal(clientReference)).toBe(code);
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => new IdentityVault(pool, randomBytes(16))).toThrow(/32 bytes/);
  });
});
