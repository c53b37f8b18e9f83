import { blindIndexOf, IdentityIntegrityError, newClientKey, open, seal, type Sealed } from './identity-crypto';
import type { MasterKeyring } from './master-keyring';

/** A `client_identities` row as the vault reads it; every secret is NULL once erased. */
export interface IdentityRow {
  readonly master_key_id: string | null;
  readonly wrapped_key: Buffer | null;
  readonly key_iv: Buffer | null;
  readonly key_tag: Buffer | null;
  readonly code_ciphertext: Buffer | null;
  readonly code_iv: Buffer | null;
  readonly code_tag: Buffer | null;
  readonly erased_at: Date | null;
}

export const ROW_COLUMNS = 'master_key_id, wrapped_key, key_iv, key_tag, code_ciphertext, code_iv, code_tag, erased_at';

/** What a new registration stores: the code under a fresh client key, that key wrapped under the current master key. */
export interface SealedIdentity {
  readonly masterKeyId: string;
  readonly blindIndex: Buffer;
  readonly wrappedKey: Sealed;
  readonly code: Sealed;
}

/** The AAD of both layers is the client reference: moved onto another row, neither opens. */
export function sealIdentity(keyring: MasterKeyring, clientReference: string, code: string): SealedIdentity {
  const clientKey = newClientKey();
  try {
    const { id, keys } = keyring.current;
    return {
      masterKeyId: id,
      blindIndex: blindIndexOf(keys.blindIndex, code),
      wrappedKey: seal(keys.keyWrap, clientKey, clientReference),
      code: seal(clientKey, Buffer.from(code, 'utf8'), clientReference),
    };
  } finally {
    clientKey.fill(0);
  }
}

/** The code, or undefined for an erased row. Throws IdentityIntegrityError when no candidate key opens it. */
export function openIdentity(keyring: MasterKeyring, clientReference: string, row: IdentityRow): string | undefined {
  const { wrapped_key, key_iv, key_tag, code_ciphertext, code_iv, code_tag } = row;
  if (!wrapped_key || !key_iv || !key_tag || !code_ciphertext || !code_iv || !code_tag) return undefined;
  const clientKey = unwrapClientKey(keyring, clientReference, row.master_key_id, { ciphertext: wrapped_key, iv: key_iv, tag: key_tag });
  try {
    return open(clientKey, { ciphertext: code_ciphertext, iv: code_iv, tag: code_tag }, clientReference).toString('utf8');
  } finally {
    clientKey.fill(0);
  }
}

/**
 * The same client key wrapped anew under the current master key, and the code's blind index
 * under it: after a rotation the retired master key is needed for nothing. The code's own
 * ciphertext does not change (its key does not).
 */
export function rewrapIdentity(keyring: MasterKeyring, clientReference: string, row: IdentityRow): Omit<SealedIdentity, 'code'> | undefined {
  const code = openIdentity(keyring, clientReference, row);
  if (code === undefined || !row.wrapped_key || !row.key_iv || !row.key_tag) return undefined;
  const clientKey = unwrapClientKey(keyring, clientReference, row.master_key_id, { ciphertext: row.wrapped_key, iv: row.key_iv, tag: row.key_tag });
  try {
    const { id, keys } = keyring.current;
    return { masterKeyId: id, blindIndex: blindIndexOf(keys.blindIndex, code), wrappedKey: seal(keys.keyWrap, clientKey, clientReference) };
  } finally {
    clientKey.fill(0);
  }
}

function unwrapClientKey(keyring: MasterKeyring, clientReference: string, masterKeyId: string | null, wrapped: Sealed): Buffer {
  // A row from before key ids were recorded: whichever configured key authenticates it wrapped it.
  for (const candidate of keyring.candidatesFor(masterKeyId)) {
    try {
      return open(candidate.keys.keyWrap, wrapped, clientReference);
    } catch (error) {
      if (!(error instanceof IdentityIntegrityError)) throw error;
    }
  }
  throw new IdentityIntegrityError('A stored identity failed authentication (tampered, or another master key)');
}
