import { createHash } from 'node:crypto';
import { eventIdFor } from './event-id';

// The oracle: the same UUIDv5 computed with node:crypto's SHA-1.
function oracle(streamId: string, version: number): string {
  const namespace = Buffer.from('6f1c2a4e9b3d4c5e8f7a0b1c2d3e4f50', 'hex');
  const hash = createHash('sha1').update(namespace).update(`${streamId}/${version}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('eventIdFor', () => {
  it.each([
    ['p-1', 1],
    ['0b7d2c1e-3f4a-4b5c-8d6e-7f8091a2b3c4', 17],
    ['polku-äöå-path', 123_456],
    ['x'.repeat(200), 2],
  ])('matches the node:crypto UUIDv5 for %s/%i', (stream, version) => {
    expect(eventIdFor(stream, version)).toBe(oracle(stream, version));
  });

  it('differs across versions and streams, and is stable', () => {
    expect(new Set([eventIdFor('p-1', 1), eventIdFor('p-1', 2), eventIdFor('p-2', 1)]).size).toBe(3);
    expect(eventIdFor('p-1', 3)).toBe(eventIdFor('p-1', 3));
  });
});
