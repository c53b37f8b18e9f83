import { loadConfig } from '@polku/config';
import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { AesGcmPayloadCodec } from './aes-gcm-payload-codec';

/** Loaded by clients and workers, and bundled into the workflow code, from this one file. */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/** The codec over the keyring in the configuration (POLKU_PAYLOAD_KEYS, POLKU_PAYLOAD_KEY_ID). */
export function configuredPayloadCodec(): AesGcmPayloadCodec {
  return new AesGcmPayloadCodec(loadConfig().payloadEncryption);
}

/**
 * The one data converter of every Temporal client, worker, replayer and test environment: each
 * side must decrypt what the other encrypted, so none may be built without it.
 */
export function temporalDataConverter(codec: PayloadCodec = configuredPayloadCodec()): DataConverter {
  return { payloadCodecs: [codec], failureConverterPath: FAILURE_CONVERTER_PATH };
}
