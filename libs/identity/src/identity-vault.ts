import { maskPersonalIdentityCode, parsePersonalIdentityCode } from '@polku/domain';
import type { Pool } from 'pg';
import { blindIndexOf, deriveVaultKeys, newClientKey, newClientReference, open, seal, type VaultKeys } from './identity-crypto';

export type IdentityStatus = { readonly status: 'HELD'; readonly masked: string } | { readonly status: 'ERASED'; readonly erasedAt: string };

interface IdentityRow {
  readonly wrapped_key: Buffer | null;
  readonly key_iv: Buffer | null;
  readonly key_tag: Buffer | null;
  readonly code_ciphertext: Buffer | null;
  readonly code_iv: Buffer | null;
  readonly code_tag: Buffer | null;
  readonly erased_at: Date | null;
}

const SECRET_COLUMNS = 'wrapped_key, key_iv, key_tag, code_ciphertext, code_iv, code_tag';

/**
 * Holds personal identity codes encrypted, each under its own random key (envelope
 * encryption), and hands out the pseudonymous client reference used everywhere else.
 * Erasure drops the wrapped key, the ciphertext and the blind index together.
 * No method logs, and no error carries, the code.
 */
export class IdentityVault {
  readonly #pool: Pool;
  readonly #keys: VaultKeys;

  constructor(pool: Pool, masterKey: Buffer) {
    this.#pool = pool;
    this.#keys = deriveVaultKeys(masterKey);
  }

  /** The client's reference: the existing one for a held code, else a new one. */
  async register(code: string): Promise<{ clientReference: string; created: boolean }> {
    const parsed = parsePersonalIdentityCode(code);
    if (!parsed.ok) throw new Error(`Not a valid personal identity code (${parsed.reason}); validate before registering`);
    const blindIndex = blindIndexOf(this.#keys.blindIndex, parsed.code);
    // Two attempts: a concurrent registration can win the insert and, in a rare case, be erased
    // before our re-read sees it; then the code is free again and a second insert settles it.
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await this.#referenceOf(blindIndex);
      if (existing !== undefined) return { clientReference: existing, created: false };
      const inserted = await this.#insert(parsed.code, blindIndex);
      if (inserted !== undefined) return { clientReference: inserted, created: true };
    }
    throw new Error('Could not register the personal identity code: it kept being registered and erased concurrently');
  }

  /** The reference a held code is registered under; undefined for an unknown, erased or invalid code. */
  async find(code: string): Promise<string | undefined> {
    const parsed = parsePersonalIdentityCode(code);
    return parsed.ok ? this.#referenceOf(blindIndexOf(this.#keys.blindIndex, parsed.code)) : undefined;
  }

  /** The code, or undefined when the reference is unknown or erased. Throws if the row does not authenticate. */
  async reveal(clientReference: string): Promise<string | undefined> {
    const row = await this.#row(clientReference);
    return row === undefined ? undefined : this.#decrypt(clientReference, row);
  }

  async status(clientReference: string): Promise<IdentityStatus | undefined> {
    const row = await this.#row(clientReference);
    if (row === undefined) return undefined;
    if (row.erased_at !== null) return { status: 'ERASED', erasedAt: row.erased_at.toISOString() };
    const code = this.#decrypt(clientReference, row);
    return code === undefined ? undefined : { status: 'HELD', masked: maskPersonalIdentityCode(code) };
  }

  /** Idempotent: erasing again returns the first erasure's time. Undefined when the reference is unknown. */
  async erase(clientReference: string): Promise<{ erasedAt: string } | undefined> {
    const { rows } = await this.#pool.query<{ erased_at: Date }>(
      `UPDATE client_identities
          SET blind_index = NULL, wrapped_key = NULL, key_iv = NULL, key_tag = NULL,
              code_ciphertext = NULL, code_iv = NULL, code_tag = NULL,
              erased_at = COALESCE(erased_at, now())
        WHERE client_reference = $1
    RETURNING erased_at`,
      [clientReference],
    );
    const erasedAt = rows[0]?.erased_at;
    return erasedAt === undefined ? undefined : { erasedAt: erasedAt.toISOString() };
  }

  async #referenceOf(blindIndex: Buffer): Promise<string | undefined> {
    const { rows } = await this.#pool.query<{ client_reference: string }>(
      'SELECT client_reference FROM client_identities WHERE blind_index = $1',
      [blindIndex],
    );
    return rows[0]?.client_reference;
  }

  /** Undefined when another registration of the same code got there first (its insert wins). */
  async #insert(code: string, blindIndex: Buffer): Promise<string | undefined> {
    const clientReference = newClientReference();
    const clientKey = newClientKey();
    try {
      const sealedCode = seal(clientKey, Buffer.from(code, 'utf8'), clientReference);
      const wrappedKey = seal(this.#keys.keyWrap, clientKey, clientReference);
      const { rows } = await this.#pool.query<{ client_reference: string }>(
        `INSERT INTO client_identities (client_reference, blind_index, ${SECRET_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (blind_index) DO NOTHING
         RETURNING client_reference`,
        [clientReference, blindIndex, wrappedKey.ciphertext, wrappedKey.iv, wrappedKey.tag, sealedCode.ciphertext, sealedCode.iv, sealedCode.tag],
      );
      return rows[0]?.client_reference;
    } finally {
      clientKey.fill(0);
    }
  }

  async #row(clientReference: string): Promise<IdentityRow | undefined> {
    const { rows } = await this.#pool.query<IdentityRow>(
      `SELECT ${SECRET_COLUMNS}, erased_at FROM client_identities WHERE client_reference = $1`,
      [clientReference],
    );
    return rows[0];
  }

  #decrypt(clientReference: string, row: IdentityRow): string | undefined {
    const { wrapped_key, key_iv, key_tag, code_ciphertext, code_iv, code_tag } = row;
    if (!wrapped_key || !key_iv || !key_tag || !code_ciphertext || !code_iv || !code_tag) return undefined;
    const clientKey = open(this.#keys.keyWrap, { ciphertext: wrapped_key, iv: key_iv, tag: key_tag }, clientReference);
    try {
      return open(clientKey, { ciphertext: code_ciphertext, iv: code_iv, tag: code_tag }, clientReference).toString('utf8');
    } finally {
      clientKey.fill(0);
    }
  }
}
