import { JSONToPayload, payloadToJSON, type JSONPayload } from '@temporalio/common/lib/proto-utils';
import type { PayloadCodec } from '@temporalio/common';
import { z } from 'zod';

// The Temporal UI decodes a page of history at a time; a bound keeps one request from tying up
// the API.
const MAX_PAYLOADS = 2_000;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Temporal's codec-server protocol: `{ payloads: Payload[] }` as proto3 JSON, so the data and
 * every metadata value are base64. Answered in the same shape.
 */
export const CodecRequestSchema = z.object({
  payloads: z
    .array(z.object({ metadata: z.record(z.string(), z.string().regex(BASE64)).nullish(), data: z.string().regex(BASE64).nullish() }))
    .max(MAX_PAYLOADS),
});

export type CodecRequest = z.infer<typeof CodecRequestSchema>;

export async function runCodec(codec: PayloadCodec, direction: 'encode' | 'decode', request: CodecRequest): Promise<{ payloads: JSONPayload[] }> {
  const payloads = await codec[direction](request.payloads.map(JSONToPayload));
  return { payloads: payloads.map(payloadToJSON) };
}
