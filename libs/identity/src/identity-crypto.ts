import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** AES-256-GCM output: ciphertext, the random 12-byte IV and the 16-byte authentication tag. */
export interface Sealed {
  readonly ciphertext: Buffer;
  readonly iv: Buffer;
  readonly tag: Buffer;
}

/** Keys derived from the master key, one per purpose, so none is ever used for two things. */
export interface VaultKeys {
  readonly blindIndex: Buffer;
  readonly keyWrap: Buffer;
}

/** A stored identity did not authenticate: tampered, or sealed under another master key. */
export class IdentityIntegrityError extends Error {
  override readonly name = 'IdentityIntegrityError';
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const REFERENCE_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const REFERENCE_LENGTH = 24;
// The largest multiple of 36 below 256: bytes above it are dropped, so every character is
// equally likely (a plain `byte % 36` would favour the first four).
const UNBIASED_LIMIT = 252;

export function deriveVaultKeys(masterKey: Buffer): VaultKeys {
  if (masterKey.length !== KEY_BYTES) throw new Error(`The identity master key must be ${KEY_BYTES} bytes`);
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, KEY_BYTES));
  return { blindIndex: derive('polku/identity/blind-index'), keyWrap: derive('polku/identity/key-wrap') };
}

/** HMAC-SHA256 of a canonical code: the blind index (master-key derived) and the erasure fingerprint. */
export function blindIndexOf(key: Buffer, code: string): Buffer {
  return createHmac('sha256', key).update(code, 'utf8').digest();
}

export function newClientKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function newClientReference(): string {
  let suffix = '';
  while (suffix.length < REFERENCE_LENGTH) {
    for (const byte of randomBytes(REFERENCE_LENGTH)) {
      if (byte < UNBIASED_LIMIT && suffix.length < REFERENCE_LENGTH) suffix += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
    }
  }
  return `cref_${suffix}`;
}

/** The AAD binds the ciphertext to its row: moved to another client reference, it will not open. */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, iv, tag: cipher.getAuthTag() };
}

export function open(key: Buffer, { ciphertext, iv, tag }: Sealed, aad: string): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad, 'utf8')).setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // Never echo the bytes or the cause: either could carry part of the secret.
    throw new IdentityIntegrityError('A stored identity failed authentication (tampered, or another master key)');
  }
}
