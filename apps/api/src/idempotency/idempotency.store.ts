import { createHmac, hkdfSync } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IDEMPOTENCY_WINDOW_MS } from '@polku/contracts';
import { Pool, type PoolClient } from 'pg';
import type { StaffUser } from '../auth/staff-user';
import { AppConfig } from '../infrastructure/connections';

export type Claim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'replay'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'reused' };

// A claim whose request never finished (the API died mid-request) may be taken over after this.
const ABANDONED_AFTER = '2 minutes';
// Keys are for retries, not for ever: answers older than the window (which is also how long a
// path remembers the command ids) are forgotten.
const KEEP_FOR = `${IDEMPOTENCY_WINDOW_MS} milliseconds`;
const PURGE_EVERY_MS = 10 * 60_000;

/**
 * Whose keys these are: the same user id signed in for another area or role is someone else,
 * and never gets that one's answers replayed.
 */
export function keyScopeOf(user: StaffUser): string {
  return JSON.stringify([user.employmentArea, user.role, user.userId]);
}

/** The first answer to each (caller, Idempotency-Key), kept in PostgreSQL for a day. */
@Injectable()
export class IdempotencyStore {
  private readonly hashKey: Buffer;
  private lastPurge = 0;

  constructor(
    private readonly pool: Pool,
    config: AppConfig,
  ) {
    // Keyed, because a request body can hold an identity code: a plain hash of it could be
    // brute-forced back to the code (there are only ~10⁸ of them).
    this.hashKey = Buffer.from(hkdfSync('sha256', config.values.identity.masterKey, Buffer.alloc(0), 'polku/idempotency/request-hash', 32));
  }

  requestHash(method: string, path: string, body: unknown): string {
    return createHmac('sha256', this.hashKey).update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest('base64url');
  }

  async claim(scope: string, key: string, requestHash: string): Promise<Claim> {
    this.purgeNowAndThen();
    const inserted = await this.pool.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
         WHERE idempotency_keys.status IS NULL AND idempotency_keys.request_hash = EXCLUDED.request_hash
           AND idempotency_keys.created_at < now() - $4::interval
       RETURNING 1`,
      [scope, key, requestHash, ABANDONED_AFTER],
    );
    if (inserted.rowCount === 1) return { kind: 'claimed' };
    const { rows } = await this.pool.query<{ request_hash: string; status: number | null; body: unknown }>(
      'SELECT request_hash, status, body FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [scope, key],
    );
    const row = rows[0];
    if (!row) return this.claim(scope, key, requestHash);
    if (row.request_hash !== requestHash) return { kind: 'reused' };
    return row.status === null ? { kind: 'in-progress' } : { kind: 'replay', status: row.status, body: row.body };
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.pool.query('UPDATE idempotency_keys SET status = $3, body = $4 WHERE user_id = $1 AND key = $2', [scope, key, status, JSON.stringify(body)]);
  }

  /** An unexpected failure keeps no answer: the client's retry runs the request again. */
  async release(scope: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status IS NULL', [scope, key]);
  }

  /**
   * On erasure: kept answers naming the client go too, wherever the reference sits in them (a
   * nested object, an array, a key, inside a text). `db`: the erasure's transaction.
   */
  async forgetClient(clientReference: string, db: Pool | PoolClient = this.pool): Promise<void> {
    await db.query('DELETE FROM idempotency_keys WHERE strpos(body::text, $1) > 0', [clientReference]);
  }

  private purgeNowAndThen(): void {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    this.pool.query('DELETE FROM idempotency_keys WHERE created_at < now() - $1::interval', [KEEP_FOR]).catch(() => {
      this.lastPurge = 0;
    });
  }
}
