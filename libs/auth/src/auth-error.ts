/** The stable codes of a refused credential; every service answers them with 401. */
export type AuthErrorCode = 'AUTH.MISSING_TOKEN' | 'AUTH.INVALID_TOKEN' | 'AUTH.TOKEN_EXPIRED';

/**
 * Why a request carries no usable staff token. Framework-free, so each service maps it to its
 * own HTTP error body at its edge (the API's ApiError, the consumers' ConsumerHttpError).
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
  }
}
