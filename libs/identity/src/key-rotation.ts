import type { IdentityKeySettings } from '@polku/config';
import { inTransaction } from '@polku/event-store';
import type { Pool, PoolClient } from 'pg';
import { IdentityIntegrityError } from './identity-crypto';
import { ROW_COLUMNS, rewrapIdentity, type IdentityRow } from './identity-row';
import { MasterKeyring, MasterKeyUnavailableError } from './master-keyring';

export interface RotationOptions {
  /** Rows per transaction: each batch locks only its own rows, and only briefly. */
  readonly batchSize?: number;
  /** Told after every batch (progress output). */
  readonly onBatch?: (progress: Omit<RotationProgress, 'remaining'>) => void;
  /** Stops between batches; a later run carries on from the rows still under other keys. */
  readonly signal?: AbortSignal;
}

export interface RotationProgress {
  readonly rewrapped: number;
  /** Rows no configured key opens (tampered, or their key is not configured): left as they are. */
  readonly unreadable: number;
  /** Held rows still under another master key after the run. */
  readonly remaining: number;
}

const DEFAULT_BATCH = 200;

type Candidate = IdentityRow & { readonly client_reference: string };

/**
 * Re-wraps every held client key (and its blind index) under the current master key, a batch at
 * a time. No downtime: readers accept every configured key meanwhile, and each batch is a short
 * transaction. Idempotent and resumable: what is done is in the rows (`master_key_id`), so a
 * second run, or one after an interruption, only does what is left.
 */
export async function rotateMasterKey(pool: Pool, keys: IdentityKeySettings, options: RotationOptions = {}): Promise<RotationProgress> {
  const keyring = MasterKeyring.of(keys);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let after = '';
  let rewrapped = 0;
  let unreadable = 0;
  while (!options.signal?.aborted) {
    const batch = await inTransaction(pool, (tx) => rewrapBatch(tx, keyring, after, batchSize));
    rewrapped += batch.rewrapped;
    unreadable += batch.unreadable;
    options.onBatch?.({ rewrapped, unreadable });
    if (batch.last === undefined) break;
    after = batch.last;
  }
  return { rewrapped, unreadable, remaining: await remainingUnder(pool, keyring.current.id) };
}

/** Keyset order by reference: every batch starts where the last ended, however many rows there are. */
async function rewrapBatch(tx: PoolClient, keyring: MasterKeyring, after: string, limit: number): Promise<{ rewrapped: number; unreadable: number; last?: string }> {
  const { rows } = await tx.query<Candidate>(
    `SELECT client_reference, ${ROW_COLUMNS} FROM client_identities
      WHERE erased_at IS NULL AND client_reference > $1 AND master_key_id IS DISTINCT FROM $2
      ORDER BY client_reference LIMIT $3 FOR UPDATE`,
    [after, keyring.current.id, limit],
  );
  let rewrapped = 0;
  for (const row of rows) {
    // A row locked and erased meanwhile comes back re-checked by FOR UPDATE, or not at all.
    const fresh = rewrapOne(keyring, row);
    if (fresh === undefined) continue;
    await tx.query(
      `UPDATE client_identities SET master_key_id = $2, blind_index = $3, wrapped_key = $4, key_iv = $5, key_tag = $6
        WHERE client_reference = $1 AND erased_at IS NULL`,
      [row.client_reference, fresh.masterKeyId, fresh.blindIndex, fresh.wrappedKey.ciphertext, fresh.wrappedKey.iv, fresh.wrappedKey.tag],
    );
    rewrapped += 1;
  }
  return { rewrapped, unreadable: rows.length - rewrapped, ...(rows.length === 0 ? {} : { last: rows[rows.length - 1]?.client_reference }) };
}

function rewrapOne(keyring: MasterKeyring, row: Candidate): ReturnType<typeof rewrapIdentity> {
  try {
    return rewrapIdentity(keyring, row.client_reference, row);
  } catch (error) {
    // Counted and left for an operator: one bad row must not stop every other row's rotation.
    if (error instanceof IdentityIntegrityError || error instanceof MasterKeyUnavailableError) return undefined;
    throw error;
  }
}

async function remainingUnder(pool: Pool, currentId: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM client_identities WHERE erased_at IS NULL AND master_key_id IS DISTINCT FROM $1',
    [currentId],
  );
  return rows[0]?.n ?? 0;
}
