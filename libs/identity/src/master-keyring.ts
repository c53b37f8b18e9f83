import { hkdfSync } from 'node:crypto';
import { DEFAULT_MASTER_KEY_ID, type IdentityKeySettings } from '@polku/config';
import { blindIndexOf, deriveVaultKeys, type VaultKeys } from './identity-crypto';

/** A row wrapped under a master key this process is not configured with: an operations fault, not tampering. */
export class MasterKeyUnavailableError extends Error {
  override readonly name = 'MasterKeyUnavailableError';
}

export interface KeyringEntry {
  readonly id: string;
  readonly keys: VaultKeys;
}

/**
 * The master keys a vault accepts, by id, and the one it wraps new client keys with. Readers
 * accept every configured key so that a rotation (`npm run keys:rotate`) needs no downtime: a
 * row is read with the key its `master_key_id` names, whichever that is.
 */
export class MasterKeyring {
  readonly current: KeyringEntry;
  readonly fingerprintKey: Buffer;
  readonly #entries: ReadonlyMap<string, KeyringEntry>;

  /**
   * From the configuration's identity settings, or (tests, tools) one bare master key: that one
   * under the default id, with a fingerprint key derived from it.
   */
  static of(keys: Buffer | IdentityKeySettings): MasterKeyring {
    if (!Buffer.isBuffer(keys)) return new MasterKeyring(keys);
    const fingerprintKey = Buffer.from(hkdfSync('sha256', keys, Buffer.alloc(0), 'polku/identity/fingerprint', 32));
    return new MasterKeyring({ masterKeyId: DEFAULT_MASTER_KEY_ID, masterKeys: new Map([[DEFAULT_MASTER_KEY_ID, keys]]), fingerprintKey });
  }

  private constructor(settings: IdentityKeySettings) {
    const entries = [...settings.masterKeys].map(([id, key]): [string, KeyringEntry] => [id, { id, keys: deriveVaultKeys(key) }]);
    this.#entries = new Map(entries);
    const current = this.#entries.get(settings.masterKeyId);
    if (current === undefined) throw new Error('The current master key id names no configured key');
    this.current = current;
    this.fingerprintKey = settings.fingerprintKey;
  }

  /** The current entry first: most rows are under it, and a lookup tries it first. */
  get all(): readonly KeyringEntry[] {
    return [this.current, ...[...this.#entries.values()].filter((entry) => entry !== this.current)];
  }

  /** The keys a row may be wrapped with: the one its id names, or every key for a row from before ids were recorded. */
  candidatesFor(masterKeyId: string | null): readonly KeyringEntry[] {
    if (masterKeyId === null) return this.all;
    const entry = this.#entries.get(masterKeyId);
    if (entry === undefined) throw new MasterKeyUnavailableError('A stored identity is wrapped under a master key id that is not configured');
    return [entry];
  }

  /** The code's blind index under every configured key: a held code is found whichever key its row is under. */
  blindIndexesOf(code: string): Buffer[] {
    return this.all.map((entry) => blindIndexOf(entry.keys.blindIndex, code));
  }

  /** The erasure fingerprint (docs/erasure.md): the same for a code under every master key, past every rotation. */
  fingerprintOf(code: string): Buffer {
    return blindIndexOf(this.fingerprintKey, code);
  }
}
