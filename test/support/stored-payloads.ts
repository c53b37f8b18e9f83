import { JSONToPayload, payloadToJSON, type JSONPayload, type Payload } from '@temporalio/common/lib/proto-utils';
import { call } from './staff-api';

/**
 * The Temporal UI's origin: the only one the codec endpoint answers cross-origin. `npm test`
 * gives the API and the tests the same POLKU_CODEC_UI_ORIGINS (the stack's UI port); a test run
 * by hand against `npm start`'s stack falls back to its default port.
 */
export const TEMPORAL_UI_ORIGIN = process.env['POLKU_CODEC_UI_ORIGINS']?.split(',')[0]?.trim() || 'http://127.0.0.1:8233';

// The SDK never runs these through the payload codecs: search attributes (the server indexes
// them), headers, the patch markers of patched() (core writes the patch id) and a local
// activity marker's bookkeeping (`data`: its sequence, attempt, type and times; its result is
// encoded). None carries free text of ours.
const NOT_CODEC_ENCODED: ReadonlySet<string> = new Set(['searchAttributes', 'header', 'patch-data', 'data']);

function isPayload(value: object): value is Payload {
  const metadata = (value as { metadata?: unknown }).metadata;
  return typeof metadata === 'object' && metadata !== null && (metadata as Record<string, unknown>)['encoding'] instanceof Uint8Array;
}

/** Every payload a history (or any part of one) stores, as the Temporal server keeps it. */
export function storedPayloads(value: unknown, found: Payload[] = []): Payload[] {
  if (Array.isArray(value)) for (const item of value) storedPayloads(item, found);
  else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    if (isPayload(value)) found.push(value);
    else for (const [key, item] of Object.entries(value)) if (!NOT_CODEC_ENCODED.has(key)) storedPayloads(item, found);
  }
  return found;
}

export function encodingOf(payload: Payload): string {
  return Buffer.from(payload.metadata?.['encoding'] ?? new Uint8Array()).toString('utf8');
}

/** What the Temporal UI shows staff: the payloads run through the API's codec endpoint. */
export async function decodeThroughCodecEndpoint(token: string, payloads: readonly Payload[]): Promise<Payload[]> {
  const answer = await call<{ payloads: JSONPayload[] }>('POST', '/codec/decode', {
    token,
    body: { payloads: payloads.map(payloadToJSON) },
    headers: { origin: TEMPORAL_UI_ORIGIN, 'x-namespace': 'default' },
  });
  if (answer.status !== 200) throw new Error(`codec decode: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.payloads.map(JSONToPayload);
}
