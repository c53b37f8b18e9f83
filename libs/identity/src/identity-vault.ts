import type { IdentityKeySettings } from '@polku/config';
import { maskPersonalIdentityCode, parsePersonalIdentityCode } from '@polku/domain';
import { inTransaction } from '@polku/event-store';
import type { Pool, PoolClient } from 'pg';
import { newClientReference } from './identity-crypto';
import { guardedReferenceOf, guardWhileActive } from './erasure-guard';
import { openIdentity, ROW_COLUMNS, sealIdentity, type IdentityRow } from './identity-row';
import { MasterKeyring } from './master-keyring';

export type IdentityStatus = { readonly status: 'HELD'; readonly masked: string } | { readonly status: 'ERASED'; readonly erasedAt: string };

/** `first`: this call erased the client; false when an earlier erasure had (the time is that one's). */
export interface Erasure {
  readonly erasedAt: string;
  readonly first: boolean;
}

/**
 * Holds personal identity codes encrypted, each under its own random key (envelope
 * encryption) wrapped under a versioned master key, and hands out the pseudonymous client
 * reference used everywhere else. Erasure drops the wrapped key, the ciphertext and the blind
 * index together. No method logs, and no error carries, the code.
 */
export class IdentityVault {
  readonly #pool: Pool;
  readonly #keyring: MasterKeyring;

  constructor(pool: Pool, keys: Buffer | IdentityKeySettings) {
    this.#pool = pool;
    this.#keyring = MasterKeyring.of(keys);
  }

  /**
   * The client's reference: the existing one for a held code; for a code erased while its path
   * is still active, that erased reference, so the one-active-path rule refuses a second path
   * (and no new registration is left behind); else a new one.
   */
  async register(code: string): Promise<{ clientReference: string; created: boolean }> {
    const parsed = parsePersonalIdentityCode(code);
    if (!parsed.ok) throw new Error(`Not a valid personal identity code (${parsed.reason}); validate before registering`);
    // Two attempts: a concurrent registration can win the insert and, in a rare case, be erased
    // before our re-read sees it; then the code is free again and a second insert settles it.
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await this.#referenceOf(parsed.code);
      if (existing !== undefined) return { clientReference: existing, created: false };
      const guarded = await guardedReferenceOf(this.#pool, this.#keyring.fingerprintOf(parsed.code));
      if (guarded !== undefined) return { clientReference: guarded, created: false };
      const inserted = await this.#insert(parsed.code);
      if (inserted !== undefined) return { clientReference: inserted, created: true };
    }
    throw new Error('Could not register the personal identity code: it kept being registered and erased concurrently');
  }

  /** The reference a held code is registered under; undefined for an unknown, erased or invalid code. */
  async find(code: string): Promise<string | undefined> {
    const parsed = parsePersonalIdentityCode(code);
    return parsed.ok ? this.#referenceOf(parsed.code) : undefined;
  }

  /** The code, or undefined when the reference is unknown or erased. Throws if the row does not authenticate. */
  async reveal(clientReference: string): Promise<string | undefined> {
    const row = await this.#row(this.#pool, clientReference);
    return row === undefined ? undefined : openIdentity(this.#keyring, clientReference, row);
  }

  async status(clientReference: string): Promise<IdentityStatus | undefined> {
    const row = await this.#row(this.#pool, clientReference);
    if (row === undefined) return undefined;
    if (row.erased_at !== null) return { status: 'ERASED', erasedAt: row.erased_at.toISOString() };
    const code = openIdentity(this.#keyring, clientReference, row);
    return code === undefined ? undefined : { status: 'HELD', masked: maskPersonalIdentityCode(code) };
  }

  /**
   * Destroys the client's key, ciphertext and blind index; idempotent (again: the first time).
   * Undefined when the reference is unknown. Runs in `tx` when given, so the caller's checks and
   * records commit or roll back with it; the row stays locked until then.
   */
  async erase(clientReference: string, tx?: PoolClient): Promise<Erasure | undefined> {
    if (tx === undefined) return inTransaction(this.#pool, (own) => this.erase(clientReference, own));
    const row = await this.#row(tx, clientReference, 'FOR UPDATE');
    if (row === undefined) return undefined;
    if (row.erased_at !== null) return { erasedAt: row.erased_at.toISOString(), first: false };
    await guardWhileActive(tx, clientReference, () => this.#fingerprintOfRow(clientReference, row));
    const { rows } = await tx.query<{ erased_at: Date }>(
      `UPDATE client_identities
          SET blind_index = NULL, master_key_id = NULL, wrapped_key = NULL, key_iv = NULL, key_tag = NULL,
              code_ciphertext = NULL, code_iv = NULL, code_tag = NULL, erased_at = now()
        WHERE client_reference = $1
    RETURNING erased_at`,
      [clientReference],
    );
    const erasedAt = rows[0]?.erased_at;
    // The row is locked by this transaction: it cannot have gone since the SELECT.
    if (erasedAt === undefined) throw new Error('The locked identity row vanished during its erasure');
    return { erasedAt: erasedAt.toISOString(), first: true };
  }

  /** Erasure must work even when the code no longer opens (tampered, key lost): then there is no fingerprint. */
  #fingerprintOfRow(clientReference: string, row: IdentityRow): Buffer | undefined {
    try {
      const code = openIdentity(this.#keyring, clientReference, row);
      return code === undefined ? undefined : this.#keyring.fingerprintOf(code);
    } catch {
      return undefined;
    }
  }

  async #referenceOf(code: string): Promise<string | undefined> {
    const { rows } = await this.#pool.query<{ client_reference: string }>(
      'SELECT client_reference FROM client_identities WHERE blind_index = ANY($1::bytea[]) LIMIT 1',
      [this.#keyring.blindIndexesOf(code)],
    );
    return rows[0]?.client_reference;
  }

  /** Undefined when another registration of the same code got there first (its insert wins). */
  async #insert(code: string): Promise<string | undefined> {
    const clientReference = newClientReference();
    const sealed = sealIdentity(this.#keyring, clientReference, code);
    const { rows } = await this.#pool.query<{ client_reference: string }>(
      `INSERT INTO client_identities (client_reference, blind_index, master_key_id, wrapped_key, key_iv, key_tag, code_ciphertext, code_iv, code_tag)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (blind_index) DO NOTHING
       RETURNING client_reference`,
      [clientReference, sealed.blindIndex, sealed.masterKeyId, sealed.wrappedKey.ciphertext, sealed.wrappedKey.iv, sealed.wrappedKey.tag, sealed.code.ciphertext, sealed.code.iv, sealed.code.tag],
    );
    return rows[0]?.client_reference;
  }

  async #row(db: Pool | PoolClient, clientReference: string, lock = ''): Promise<IdentityRow | undefined> {
    const { rows } = await db.query<IdentityRow>(`SELECT ${ROW_COLUMNS} FROM client_identities WHERE client_reference = $1 ${lock}`, [clientReference]);
    return rows[0];
  }
}
