/**
 * A payload the codec cannot open. Its message names the key id and the setting, never data:
 * the worker logs it and retries the task, so a missing key shows up as a clear, repeated error
 * instead of a workflow that quietly reads garbage.
 */
export class PayloadCodecError extends Error {
  constructor(
    readonly code: 'PAYLOAD.MISSING_KEY_ID' | 'PAYLOAD.UNKNOWN_KEY' | 'PAYLOAD.TAMPERED',
    message: string,
  ) {
    super(message);
    this.name = 'PayloadCodecError';
  }
}
