import type { StaffRole } from '@polku/contracts';

/** Who is calling, from a verified token. Recorded as the actor of every event they cause. */
export interface StaffUser {
  readonly userId: string;
  readonly role: StaffRole;
  readonly employmentArea: string;
}

/** The claims Polku reads from a staff token (OIDC-style: `sub` plus two custom claims). */
export const CLAIMS = { role: 'role', employmentArea: 'employment_area' } as const;
