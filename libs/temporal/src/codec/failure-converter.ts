import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces move into an encoded attribute, which the payload codec
 * encrypts like any other payload; only the failure's type (a stable code such as
 * PATH.INVALID_TRANSITION) stays readable. Temporal bundles this file into the workflow sandbox
 * (`failureConverterPath`), so it imports nothing but @temporalio/common.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
