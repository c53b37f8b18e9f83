import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA, type PayloadKeyring } from './aes-gcm-payload-codec';
import { PayloadCodecError } from './payload-codec-error';

const KEY_1 = Buffer.alloc(32, 1);
const KEY_2 = Buffer.alloc(32, 2);
const ring = (currentKeyId: string, keys: Record<string, Buffer>): PayloadKeyring => ({ currentKeyId, keys: new Map(Object.entries(keys)) });

const NOTE = 'Työkyky: ei raskasta nostamista';
const value = { serviceNeed: NOTE, hours: 6 };
const plain = (input: unknown): Payload => defaultPayloadConverter.toPayload(input);
const text = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

/** The error `attempt` rejects with. */
async function failure(attempt: Promise<unknown>): Promise<PayloadCodecError> {
  const error = await attempt.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof PayloadCodecError)) throw new Error(`expected a PayloadCodecError, got ${String(error)}`);
  return error;
}

describe('AES-256-GCM payload codec', () => {
  const codec = new AesGcmPayloadCodec(ring('k1', { k1: KEY_1 }));

  it('round-trips payloads, their metadata included, and hides both', async () => {
    const originals = [plain(value), plain(undefined), plain([1, 2, 3])];
    const encoded = await codec.encode(originals);
    expect(encoded.map((payload) => text(payload.metadata?.['encoding']))).toEqual([ENCRYPTED_ENCODING, ENCRYPTED_ENCODING, ENCRYPTED_ENCODING]);
    expect(encoded.map((payload) => text(payload.metadata?.[KEY_ID_METADATA]))).toEqual(['k1', 'k1', 'k1']);
    expect(encoded.map((payload) => Object.keys(payload.metadata ?? {}).sort())).toEqual(Array(3).fill(['encoding', KEY_ID_METADATA]));
    for (const payload of encoded) expect(text(payload.data)).not.toMatch(/ei raskasta|json\/plain|serviceNeed/);
    const decoded = await codec.decode(encoded);
    expect(decoded.map((payload) => defaultPayloadConverter.fromPayload(payload))).toEqual([value, undefined, [1, 2, 3]]);
  });

  it('encrypts the same value differently every time (a fresh IV per payload)', async () => {
    const [first, second] = await codec.encode([plain(value), plain(value)]);
    expect(Buffer.from(first?.data ?? []).equals(Buffer.from(second?.data ?? []))).toBe(false);
  });

  it('detects a flipped bit anywhere in the data', async () => {
    const [sealed] = await codec.encode([plain(value)]);
    const data = Buffer.from(sealed?.data ?? []);
    for (const index of [0, 12, data.length - 17, data.length - 1]) {
      const altered = Buffer.from(data);
      altered[index] = (altered[index] ?? 0) ^ 0x01;
      const error = await failure(codec.decode([{ ...sealed, data: altered }]));
      expect(error.code).toBe('PAYLOAD.TAMPERED');
    }
    expect((await failure(codec.decode([{ ...sealed, data: data.subarray(0, 20) }]))).code).toBe('PAYLOAD.TAMPERED');
  });

  it('detects a payload relabelled with another key id, even one whose key it holds', async () => {
    const both = new AesGcmPayloadCodec(ring('k1', { k1: KEY_1, k2: KEY_1 }));
    const [sealed] = await both.encode([plain(value)]);
    const relabelled = { ...sealed, metadata: { ...sealed?.metadata, [KEY_ID_METADATA]: Buffer.from('k2') } };
    expect((await failure(both.decode([relabelled]))).code).toBe('PAYLOAD.TAMPERED');
  });

  it('names an unknown key id and the setting to fix, without any key or data', async () => {
    const [sealed] = await new AesGcmPayloadCodec(ring('k9', { k9: KEY_2 })).encode([plain(value)]);
    const error = await failure(codec.decode([sealed as Payload]));
    expect(error.code).toBe('PAYLOAD.UNKNOWN_KEY');
    expect(error.message).toMatch(/key id "k9".*POLKU_PAYLOAD_KEYS/);
    expect(error.message).not.toContain(NOTE);
    expect(error.message).not.toContain(KEY_2.toString('base64'));
  });

  it('refuses an encrypted payload without a key id', async () => {
    const [sealed] = await codec.encode([plain(value)]);
    const unlabelled = { ...sealed, metadata: { encoding: sealed?.metadata?.['encoding'] as Uint8Array } };
    expect((await failure(codec.decode([unlabelled]))).code).toBe('PAYLOAD.MISSING_KEY_ID');
  });

  it('rotates: encrypts with the current key and still reads what older keys encrypted', async () => {
    const [old] = await codec.encode([plain(value)]);
    const rotated = new AesGcmPayloadCodec(ring('k2', { k2: KEY_2, k1: KEY_1 }));
    const [fresh] = await rotated.encode([plain(value)]);
    expect(text(fresh?.metadata?.[KEY_ID_METADATA])).toBe('k2');
    const decoded = await rotated.decode([old as Payload, fresh as Payload]);
    expect(decoded.map((payload) => defaultPayloadConverter.fromPayload(payload))).toEqual([value, value]);
    // Retired too early: what k1 encrypted can no longer be read, and the error says why.
    expect((await failure(new AesGcmPayloadCodec(ring('k2', { k2: KEY_2 })).decode([old as Payload]))).code).toBe('PAYLOAD.UNKNOWN_KEY');
  });

  it('passes payloads written before encryption through unchanged (old histories, running paths)', async () => {
    const originals = [plain(value), plain(undefined), { metadata: { encoding: Buffer.from('binary/plain') }, data: Buffer.from(NOTE) }];
    const decoded = await codec.decode(originals);
    expect(decoded).toEqual(originals);
    expect(decoded[0]).toBe(originals[0]);
  });

  it('refuses a keyring whose current key it does not hold', () => {
    expect(() => new AesGcmPayloadCodec(ring('k2', { k1: KEY_1 }))).toThrow(/k2/);
  });
});
