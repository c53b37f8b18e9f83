import { createHash } from 'node:crypto';

// Fixed namespace for Polku event ids (an RFC 4122 name-based UUID, version 5).
const EVENT_ID_NAMESPACE = Buffer.from('6f1c2a4e9b3d4c5e8f7a0b1c2d3e4f50', 'hex');

/**
 * The id of the event at `version` of `streamId`. Deterministic, so an activity retry or a
 * workflow replay produces the same id and the event store turns the re-append into a no-op.
 */
export function eventIdFor(streamId: string, version: number): string {
  const hash = createHash('sha1').update(EVENT_ID_NAMESPACE).update(`${streamId}/${version}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
