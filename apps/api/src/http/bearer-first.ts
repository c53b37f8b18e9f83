import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedRequest } from '@polku/auth';
import type { TokenVerifier } from '../auth/token-verifier';
import type { ApiError } from './api-error';

// Routes that take a body without a staff token: the dev issuer signs one in (local only); the
// codec endpoint checks its own token or session after parsing.
const PUBLIC_BODIES = [/^\/dev-issuer\//, /^\/codec\//];

/**
 * A body is read only from a caller whose token holds: the JSON parser would otherwise answer a
 * malformed or oversized body (400, 413, 415) to anyone, telling a caller without rights more
 * than 401. The verified user is kept on the request, so the AuthGuard does not verify twice.
 */
export function authenticateBeforeBody(tokens: TokenVerifier) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
    if (!hasBody || PUBLIC_BODIES.some((path) => path.test(request.path))) {
      next();
      return;
    }
    tokens.verifyAuthorization(request.headers.authorization).then(
      (user) => {
        (request as AuthenticatedRequest).user = user;
        next();
      },
      (error: ApiError) => response.status(error.getStatus()).json(error.getResponse()),
    );
  };
}
