import { AuthError } from './auth-error';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * The JWT of an `Authorization: Bearer <JWT>` header. Only this header is ever read: never a
 * cookie, which a browser would attach to a forged cross-site request on its own.
 */
export function bearerTokenOf(header: string | undefined): string {
  if (header === undefined) throw new AuthError('AUTH.MISSING_TOKEN', 'Sign in: this needs a bearer token.');
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) throw new AuthError('AUTH.INVALID_TOKEN', 'The Authorization header must be "Bearer <JWT>".');
  return token;
}
