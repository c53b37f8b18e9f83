import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '@polku/config';
import type { Pool } from 'pg';
import { IdentityIntegrityError } from './identity-crypto';
import { IdentityVault } from './identity-vault';
import { rotateMasterKey } from './key-rotation';
import { MasterKeyUnavailableError } from './master-keyring';
import { isolatedSchema, keySettings, newKey, uniqueCode } from './testing/vault-fixtures';

const config = loadConfig();
const ROOT = join(__dirname, '..', '..', '..');
const [oldKey, newMasterKey, fingerprintKey] = [newKey(), newKey(), newKey()];
const BEFORE = keySettings('a1', { a1: oldKey }, fingerprintKey);
const DURING = keySettings('b2', { b2: newMasterKey, a1: oldKey }, fingerprintKey);
const AFTER = keySettings('b2', { b2: newMasterKey }, fingerprintKey);

/** `npm run keys:rotate`'s script itself, on the test's own schema. */
function runScript(url: string, batch: number): Promise<{ code: number | null; out: string }> {
  const env = {
    ...process.env,
    POLKU_LOCAL_DEV: 'true',
    SWC_NODE_PROJECT: 'tsconfig.base.json',
    DATABASE_URL: url,
    POLKU_IDENTITY_MASTER_KEY: newMasterKey.toString('base64'),
    POLKU_IDENTITY_MASTER_KEY_ID: 'b2',
    POLKU_IDENTITY_OLD_MASTER_KEYS: `a1:${oldKey.toString('base64')}`,
    POLKU_IDENTITY_FINGERPRINT_KEY: fingerprintKey.toString('base64'),
    KEYS_ROTATE_BATCH: String(batch),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'libs/identity/scripts/rotate-keys.ts'], { cwd: ROOT, env });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('master key rotation on the real PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof isolatedSchema>>;
  let pool: Pool;

  beforeAll(async () => {
    schema = await isolatedSchema(config.databaseUrl, 'keys_t');
    pool = schema.pool;
  });
  afterAll(() => schema?.drop());

  async function registerUnderOldKey(count: number): Promise<Map<string, string>> {
    const vault = new IdentityVault(pool, BEFORE);
    const held = new Map<string, string>();
    for (let i = 0; i < count; i++) {
      const code = uniqueCode();
      held.set((await vault.register(code)).clientReference, code);
    }
    return held;
  }

  const keyIds = async (references: Iterable<string>) =>
    (await pool.query<{ id: string | null }>('SELECT master_key_id AS id FROM client_identities WHERE client_reference = ANY($1) ORDER BY 1', [[...references]])).rows.map((row) => row.id);

  it('records which master key wrapped each client key, and reads a row only with that key', async () => {
    const held = await registerUnderOldKey(2);
    expect(await keyIds(held.keys())).toEqual(['a1', 'a1']);
    const [reference = ''] = held.keys();
    await expect(new IdentityVault(pool, AFTER).reveal(reference)).rejects.toThrow(MasterKeyUnavailableError);
    expect(await new IdentityVault(pool, DURING).reveal(reference)).toBe(held.get(reference));
  });

  it('re-wraps in batches; stopped half-way, every reader with both keys still reads, and a second run finishes', async () => {
    const held = await registerUnderOldKey(9);
    // A row from before key ids: readers try every key, the rotation gives it the current id.
    const [legacy = ''] = held.keys();
    await pool.query('UPDATE client_identities SET master_key_id = NULL WHERE client_reference = $1', [legacy]);
    const stop = new AbortController();
    const first = await rotateMasterKey(pool, DURING, { batchSize: 3, signal: stop.signal, onBatch: () => stop.abort() });
    expect(first.rewrapped).toBe(3);
    expect(first.remaining).toBeGreaterThan(0);
    const reader = new IdentityVault(pool, DURING);
    for (const [reference, code] of held) {
      expect(await reader.reveal(reference)).toBe(code);
      expect(await reader.register(code)).toEqual({ clientReference: reference, created: false });
    }
    const second = await rotateMasterKey(pool, DURING, { batchSize: 3 });
    expect(second).toMatchObject({ unreadable: 0, remaining: 0 });
    expect(new Set(await keyIds(held.keys()))).toEqual(new Set(['b2']));
    const withoutOldKey = new IdentityVault(pool, AFTER);
    for (const [reference, code] of held) {
      expect(await withoutOldKey.reveal(reference)).toBe(code);
      expect(await withoutOldKey.find(code)).toBe(reference);
    }
  });

  it('leaves a row no key opens as it is, counts it, and still rotates the rest', async () => {
    const held = await registerUnderOldKey(3);
    const [tampered = '', ...others] = held.keys();
    await pool.query('UPDATE client_identities SET key_tag = set_byte(key_tag, 0, get_byte(key_tag, 0) # 1) WHERE client_reference = $1', [tampered]);
    const result = await rotateMasterKey(pool, DURING);
    expect(result).toMatchObject({ unreadable: 1, remaining: 1 });
    expect(await keyIds([tampered])).toEqual(['a1']);
    expect(await keyIds(others)).toEqual(['b2', 'b2']);
    await expect(new IdentityVault(pool, DURING).reveal(tampered)).rejects.toThrow(IdentityIntegrityError);
    await new IdentityVault(pool, DURING).erase(tampered);
  });

  it('runs as npm run keys:rotate while readers read, and a second run changes nothing', async () => {
    const held = await registerUnderOldKey(20);
    const erased = await registerUnderOldKey(1);
    await new IdentityVault(pool, BEFORE).erase([...erased.keys()][0] ?? '');
    const reader = new IdentityVault(pool, DURING);
    let running = true;
    const failures: unknown[] = [];
    let reads = 0;
    const readAll = async () => {
      while (running) {
        for (const [reference, code] of held) {
          const revealed = await reader.reveal(reference).catch((error: unknown) => error);
          if (revealed !== code) failures.push(revealed);
          reads += 1;
        }
      }
    };
    const reading = readAll();
    const run = await runScript(schema.url, 2).finally(() => (running = false));
    await reading;
    expect([run.code, run.out]).toEqual([0, expect.stringContaining('done: 20 re-wrapped, 0 unreadable, 0 still under another key')]);
    expect([failures, reads > 0]).toEqual([[], true]);
    expect(new Set(await keyIds(held.keys()))).toEqual(new Set(['b2']));
    expect(await keyIds(erased.keys())).toEqual([null]);
    const again = await runScript(schema.url, 2);
    expect([again.code, again.out]).toEqual([0, expect.stringContaining('done: 0 re-wrapped, 0 unreadable, 0 still under another key')]);
    for (const code of [...held.values()]) expect(run.out + again.out).not.toContain(code);
  });
});
