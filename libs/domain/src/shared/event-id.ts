/**
 * Deterministic event ids: an RFC 4122 name-based UUID (version 5, SHA-1) of
 * "<stream id>/<stream version>" in Polku's namespace. A retried activity or a replayed
 * workflow computes the same id, so the event store turns the re-append into a no-op.
 * Pure code (it runs in the workflow sandbox), hence SHA-1 written out here.
 */
const NAMESPACE = hexToBytes('6f1c2a4e9b3d4c5e8f7a0b1c2d3e4f50');

export function eventIdFor(streamId: string, version: number): string {
  return nameBasedUuid(`${streamId}/${version}`);
}

/** The version-5 UUID of a name in Polku's namespace: the same name always gives the same id. */
export function nameBasedUuid(name: string): string {
  const hash = sha1([...NAMESPACE, ...utf8(name)]);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.slice(0, 16).map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function hexToBytes(hex: string): number[] {
  return (hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16));
}

function utf8(text: string): number[] {
  return Array.from(unescape(encodeURIComponent(text)), (char) => char.charCodeAt(0));
}

function sha1(message: number[]): number[] {
  const bytes = [...message, 0x80];
  while (bytes.length % 64 !== 56) bytes.push(0);
  const bitLength = message.length * 8;
  bytes.push(0, 0, 0, 0, (bitLength >>> 24) & 0xff, (bitLength >>> 16) & 0xff, (bitLength >>> 8) & 0xff, bitLength & 0xff);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  for (let offset = 0; offset < bytes.length; offset += 64) compress(h, bytes, offset);
  return h.flatMap((word) => [(word >>> 24) & 0xff, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff]);
}

function compress(h: number[], bytes: number[], offset: number): void {
  const w: number[] = [];
  for (let i = 0; i < 16; i++) {
    const at = offset + i * 4;
    w[i] = (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0;
  }
  for (let i = 16; i < 80; i++) w[i] = rotl((w[i - 3] ?? 0) ^ (w[i - 8] ?? 0) ^ (w[i - 14] ?? 0) ^ (w[i - 16] ?? 0), 1);
  let [a, b, c, d, e] = h as [number, number, number, number, number];
  for (let i = 0; i < 80; i++) {
    const [f, k] =
      i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
    const next = (rotl(a, 5) + f + e + k + (w[i] ?? 0)) >>> 0;
    [e, d, c, b, a] = [d, c, rotl(b, 30), a, next];
  }
  [a, b, c, d, e].forEach((value, i) => (h[i] = ((h[i] ?? 0) + value) >>> 0));
}

function rotl(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}
