import type { StaffRole } from '@polku/contracts';

/** Who is calling, from a verified token. Recorded as the actor of every event they cause. */
export interface StaffUser {
  readonly userId: string;
  readonly role: StaffRole;
  readonly employmentArea: string;
}

/** The claims Polku reads from a staff token (OIDC-style: `sub` plus two custom claims). */
export const CLAIMS = { role: 'role', employmentArea: 'employment_area' } as const;

/**
 * The JOSE `typ` of a staff access token (RFC 9068). Checked, so an ID token or another JWT the
 * same issuer signs for the same audience cannot stand in for an access token.
 */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
