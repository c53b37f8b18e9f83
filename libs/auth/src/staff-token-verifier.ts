import { employmentArea, STAFF_ROLES, staffUserId } from '@polku/contracts';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { AuthError } from './auth-error';
import { ACCESS_TOKEN_TYPE, CLAIMS, type StaffUser } from './staff-user';
import { bearerTokenOf } from './bearer-token';

// `sub` becomes the actor of every event the user causes, the area goes into events too: both are
// screened like every other field that leaves the edge (no identity code in any disguise).
const ClaimsSchema = z.object({
  sub: staffUserId,
  [CLAIMS.role]: z.enum(STAFF_ROLES),
  [CLAIMS.employmentArea]: employmentArea,
});

const ALGORITHMS = ['ES256', 'RS256', 'EdDSA'];

/** Where staff tokens come from: the OIDC issuer, the audience they are minted for, its JWKS. */
export interface TokenIssuerSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
}

/**
 * Verifies staff bearer tokens against the configured issuer's JWKS (fetched and cached by jose).
 * The one verifier of the API and the downstream consumers: same issuer, audience, token type,
 * algorithms and claim screening everywhere.
 */
export class StaffTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly settings: TokenIssuerSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), { cooldownDuration: 30_000 });
  }

  /** The caller named by an `Authorization: Bearer <JWT>` header; a missing or malformed one is an AuthError too. */
  async verifyAuthorization(header: string | undefined): Promise<StaffUser> {
    return this.verify(bearerTokenOf(header));
  }

  async verify(token: string): Promise<StaffUser> {
    const { issuer, audience } = this.settings;
    try {
      const { payload } = await jwtVerify(token, this.keys, { issuer, audience, algorithms: ALGORITHMS, typ: ACCESS_TOKEN_TYPE, requiredClaims: ['sub', 'exp', 'iat'] });
      const claims = ClaimsSchema.parse(payload);
      return { userId: claims.sub, role: claims[CLAIMS.role], employmentArea: claims[CLAIMS.employmentArea] };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new AuthError('AUTH.TOKEN_EXPIRED', 'The token has expired; sign in again.');
      throw new AuthError('AUTH.INVALID_TOKEN', 'The token is not valid for this API.');
    }
  }
}
