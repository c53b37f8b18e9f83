import { HttpStatus, Injectable } from '@nestjs/common';
import { employmentArea, STAFF_ROLES, staffUserId } from '@polku/contracts';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { ApiError } from '../http/api-error';
import { AppConfig } from '../infrastructure/connections';
import { ACCESS_TOKEN_TYPE, CLAIMS, type StaffUser } from './staff-user';

// `sub` becomes the actor of every event the user causes, the area goes into events too: both are
// screened like every other field that leaves the edge (no identity code in any disguise).
const ClaimsSchema = z.object({
  sub: staffUserId,
  [CLAIMS.role]: z.enum(STAFF_ROLES),
  [CLAIMS.employmentArea]: employmentArea,
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
      const { payload } = await jwtVerify(token, this.keys, { issuer, audience, algorithms: ALGORITHMS, typ: ACCESS_TOKEN_TYPE, requiredClaims: ['sub', 'exp', 'iat'] });
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
