/**
 * An event for a path the read model has no row for. Only PathStarted carries what a row needs
 * (area, municipality), so the event cannot be applied; thrown rather than skipped so the shared
 * consumer parks it on the DLQ as `HANDLER_FAILED: UNKNOWN_PATH` (the code, not the message,
 * makes the reason) and rolls back, leaving it unprocessed for a replay once the row exists.
 */
export class UnknownPathError extends Error {
  override readonly name = 'UnknownPathError';
  readonly code = 'UNKNOWN_PATH';

  constructor(eventName: string) {
    super(`${eventName} for a path with no row: its PathStarted was never applied`);
  }
}
