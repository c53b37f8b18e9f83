import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';

export type Claim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'replay'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'reused' };

// A claim whose request never finished (the API died mid-request) may be taken over after this.
const ABANDONED_AFTER = '2 minutes';

/** The first answer to each (user, Idempotency-Key), kept in PostgreSQL. */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly pool: Pool) {}

  async claim(userId: string, key: string, requestHash: string): Promise<Claim> {
    const inserted = await this.pool.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, created_at = now()
         WHERE idempotency_keys.status IS NULL AND idempotency_keys.request_hash = EXCLUDED.request_hash
           AND idempotency_keys.created_at < now() - $4::interval
       RETURNING 1`,
      [userId, key, requestHash, ABANDONED_AFTER],
    );
    if (inserted.rowCount === 1) return { kind: 'claimed' };
    const { rows } = await this.pool.query<{ request_hash: string; status: number | null; body: unknown }>(
      'SELECT request_hash, status, body FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [userId, key],
    );
    const row = rows[0];
    if (!row) return this.claim(userId, key, requestHash);
    if (row.request_hash !== requestHash) return { kind: 'reused' };
    return row.status === null ? { kind: 'in-progress' } : { kind: 'replay', status: row.status, body: row.body };
  }

  async complete(userId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.pool.query('UPDATE idempotency_keys SET status = $3, body = $4 WHERE user_id = $1 AND key = $2', [userId, key, status, JSON.stringify(body)]);
  }

  /** An unexpected failure keeps no answer: the client's retry runs the request again. */
  async release(userId: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status IS NULL', [userId, key]);
  }
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${JSON.stringify(body ?? null)}`).digest('base64url');
}

/** The Temporal Update id for a keyed command: the same key never applies a command twice. */
export function updateIdFor(userId: string, key: string): string {
  return `idem-${createHash('sha256').update(`${userId}\n${key}`).digest('base64url').slice(0, 32)}`;
}
