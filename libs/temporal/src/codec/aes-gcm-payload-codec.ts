import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PayloadEncryptionSettings } from '@polku/config';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { PayloadCodecError } from './payload-codec-error';

/** The conventional metadata of an encrypted Temporal payload (the UI and CLI recognise it). */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

/** What the codec needs of the settings: the current key id and every key by id. */
export type PayloadKeyring = Pick<PayloadEncryptionSettings, 'currentKeyId' | 'keys'>;

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ProtoPayload = temporal.api.common.v1.Payload;

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const textOf = (bytes: Uint8Array | null | undefined): string | undefined => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);
// Binds the ciphertext to its key id and format: a relabelled payload fails authentication.
const associatedData = (keyId: string): Uint8Array => utf8(`polku.payload.v1:${keyId}`);

/**
 * AES-256-GCM over the whole serialised payload (its metadata too, so not even the encoding of
 * the value shows). The data is IV (12 bytes, random) ‖ ciphertext ‖ tag (16 bytes); the key id
 * travels in clear metadata, so any key of the keyring can decrypt what it encrypted: rotation
 * encrypts with the current key and keeps older ones for reading (docs/payload-encryption.md).
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(private readonly keyring: PayloadKeyring) {
    if (!keyring.keys.has(keyring.currentKeyId)) throw new Error(`the current payload key ${keyring.currentKeyId} is not in the keyring`);
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  private encrypt(payload: Payload): Payload {
    const keyId = this.keyring.currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keyNamed(keyId), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(keyId));
    const sealed = Buffer.concat([iv, cipher.update(ProtoPayload.encode(payload).finish()), cipher.final(), cipher.getAuthTag()]);
    return { metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(keyId) }, data: sealed };
  }

  private decrypt(payload: Payload): Payload {
    // A payload without our encoding was written before encryption was turned on (the committed
    // replay histories, paths started earlier): it passes through unchanged, so old histories
    // replay and running workflows carry on.
    if (textOf(payload.metadata?.['encoding']) !== ENCRYPTED_ENCODING) return payload;
    const keyId = textOf(payload.metadata?.[KEY_ID_METADATA]);
    if (!keyId) throw new PayloadCodecError('PAYLOAD.MISSING_KEY_ID', `An encrypted payload has no ${KEY_ID_METADATA} metadata`);
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES) throw tampered(keyId);
    const decipher = createDecipheriv(ALGORITHM, this.keyNamed(keyId), data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(keyId));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    try {
      return ProtoPayload.decode(Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]));
    } catch {
      throw tampered(keyId);
    }
  }

  private keyNamed(keyId: string): Buffer {
    const key = this.keyring.keys.get(keyId);
    if (key === undefined) {
      throw new PayloadCodecError('PAYLOAD.UNKNOWN_KEY', `A payload was encrypted with key id "${keyId}", which POLKU_PAYLOAD_KEYS does not hold (it holds: ${[...this.keyring.keys.keys()].join(', ')}); add that key to decrypt it`);
    }
    return key;
  }
}

function tampered(keyId: string): PayloadCodecError {
  return new PayloadCodecError('PAYLOAD.TAMPERED', `An encrypted payload (key id "${keyId}") failed authentication: it was altered, or the key under that id is not the one it was encrypted with`);
}
