import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { IdentityKeySettings } from '@polku/config';
import { createPool, migrate } from '@polku/event-store';
import type { Pool } from 'pg';

/** A valid code no earlier run has registered (in all likelihood: ~2·10⁸ combinations). */
export function uniqueCode(): string {
  const birth = new Date(Date.UTC(1930, 0, 1) + randomInt(0, 90 * 365) * 86_400_000).toISOString();
  const [yyyy = '', mm = '', dd = ''] = birth.slice(0, 10).split('-');
  const signs = yyyy.startsWith('19') ? '-YXWVU' : 'ABCDEF';
  const digits = `${dd}${mm}${yyyy.slice(2)}${String(randomInt(2, 900)).padStart(3, '0')}`;
  const check = '0123456789ABCDEFHJKLMNPRSTUVWXY'.charAt(Number(BigInt(digits) % 31n));
  return `${digits.slice(0, 6)}${signs.charAt(randomInt(0, 6))}${digits.slice(6)}${check}`;
}

/** Identity keys with the given current id and master keys (retired ones after it). */
export function keySettings(current: string, masterKeys: Record<string, Buffer>, fingerprintKey: Buffer): IdentityKeySettings {
  return { masterKeyId: current, masterKeys: new Map(Object.entries(masterKeys)), fingerprintKey };
}

export const newKey = (): Buffer => randomBytes(32);

/**
 * A throw-away schema with every migration applied: for tests that act on *every* row (a key
 * rotation), which must never touch the shared database's data. `url` reaches the same schema.
 */
export async function isolatedSchema(databaseUrl: string, prefix: string): Promise<{ pool: Pool; url: string; drop: () => Promise<void> }> {
  const schema = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = createPool(databaseUrl, 1);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pool = createPool(databaseUrl, { max: 4, searchPath: schema });
  await migrate(pool);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const drop = async () => {
    await pool.end();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  };
  return { pool, url: url.toString(), drop };
}
