export { connectTemporalClient } from './client';
export { AesGcmPayloadCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA, type PayloadKeyring } from './codec/aes-gcm-payload-codec';
export { configuredPayloadCodec, FAILURE_CONVERTER_PATH, temporalDataConverter } from './codec/data-converter';
export { PayloadCodecError } from './codec/payload-codec-error';
export { bundleWorkflows, WORKFLOWS_PATH, workflowBundlerOptions } from './workflow-bundle';
