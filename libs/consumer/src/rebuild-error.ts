/**
 * Stable codes of a rebuild that did not happen. The first two are refusals answered at once
 * (409); the others end a rebuild already under way (its status shows FAILED with the code).
 * Whatever the code, the live read model is left exactly as it was, except after
 * LIVE_NOT_RESTARTED: the rebuilt tables are in place but the live consumer did not start again.
 */
export type RebuildErrorCode =
  | 'REBUILD.IN_PROGRESS'
  | 'REBUILD.HISTORY_INCOMPLETE'
  | 'REBUILD.GROUP_NOT_EMPTY'
  | 'REBUILD.READ_FAILED'
  | 'REBUILD.SWAP_FAILED'
  | 'REBUILD.ABORTED'
  | 'REBUILD.LIVE_NOT_RESTARTED';

export class RebuildError extends Error {
  override readonly name = 'RebuildError';

  constructor(
    readonly code: RebuildErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The error as a RebuildError: its own, or `code` with a value-free description of the cause. */
export function asRebuildError(error: unknown, code: RebuildErrorCode, what: string, consequence = 'the live read model is unchanged'): RebuildError {
  if (error instanceof RebuildError) return error;
  // Name and SQLSTATE only: a driver's message can quote the values of the row it failed on.
  const { name, code: cause } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; code?: unknown };
  const detail = [typeof name === 'string' ? name : 'Error', typeof cause === 'string' ? cause : undefined].filter(Boolean).join(' ');
  return new RebuildError(code, `${what} failed (${detail}); ${consequence}.`);
}
