import { HttpStatus, Injectable } from '@nestjs/common';
import { STAFF_ROLES } from '@polku/contracts';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { ApiError } from '../http/api-error';
import { AppConfig } from '../infrastructure/connections';
import { CLAIMS, type StaffUser } from './staff-user';

const ClaimsSchema = z.object({
  sub: z.string().regex(/^[A-Za-z0-9._-]{2,64}$/),
  [CLAIMS.role]: z.enum(STAFF_ROLES),
  [CLAIMS.employmentArea]: z.string().min(2).max(80),
});

const ALGORITHMS = ['ES256', 'RS256', 'EdDSA'];

/** Verifies staff bearer tokens against the configured issuer's JWKS (fetched and cached by jose). */
@Injectable()
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly config: AppConfig) {
    this.keys = createRemoteJWKSet(new URL(config.values.auth.jwksUrl), { cooldownDuration: 30_000 });
  }

  async verify(token: string): Promise<StaffUser> {
    const { issuer, audience } = this.config.values.auth;
    try {
      const { payload } = await jwtVerify(token, this.keys, { issuer, audience, algorithms: ALGORITHMS, requiredClaims: ['sub', 'exp', 'iat'] });
      const claims = ClaimsSchema.parse(payload);
      return { userId: claims.sub, role: claims[CLAIMS.role], employmentArea: claims[CLAIMS.employmentArea] };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthorized('AUTH.TOKEN_EXPIRED', 'The token has expired; sign in again.');
      throw unauthorized('AUTH.INVALID_TOKEN', 'The token is not valid for this API.');
    }
  }
}

export function unauthorized(code: string, message: string): ApiError {
  return new ApiError(HttpStatus.UNAUTHORIZED, { code, message });
}
