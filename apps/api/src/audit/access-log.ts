import { HttpStatus, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import type { StaffUser } from '../auth/staff-user';
import { ApiError } from '../http/api-error';

export type AccessAction = 'IDENTITY_LOOKUP' | 'PATH_READ';

export interface Access {
  readonly action: AccessAction;
  readonly clientReference?: string;
  readonly pathId?: string;
  /** Why: the operation that looked (e.g. "register a client"). */
  readonly purpose: string;
}

/**
 * Identity-code lookups one user may make: enough for a busy intake desk, too few to probe a
 * population of codes for who is a client (each lookup is logged besides).
 */
export const LOOKUP_LIMITS = [
  { perMs: 60_000, max: 20 },
  { perMs: 60 * 60_000, max: 200 },
] as const;

/** The read-access log (docs/security.md, ASVS V7): who looked up or read which client, when and why. */
@Injectable()
export class AccessLog {
  constructor(private readonly pool: Pool) {}

  async record(user: StaffUser, access: Access): Promise<void> {
    await this.pool.query(
      `INSERT INTO access_log (user_id, role, employment_area, action, client_reference, path_id, purpose) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [user.userId, user.role, user.employmentArea, access.action, access.clientReference ?? null, access.pathId ?? null, access.purpose],
    );
  }

  /**
   * Refuses (429) a lookup over the user's limits. Counted from the log itself, so the limit
   * holds across API instances and restarts.
   */
  async assertLookupAllowed(user: StaffUser): Promise<void> {
    for (const { perMs, max } of LOOKUP_LIMITS) {
      const { rows } = await this.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM access_log WHERE user_id = $1 AND action = 'IDENTITY_LOOKUP' AND at > now() - $2 * interval '1 millisecond'`,
        [user.userId, perMs],
      );
      if ((rows[0]?.n ?? 0) >= max) {
        throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, { code: 'RATE.LIMITED', message: `At most ${max} identity-code lookups per ${perMs / 60_000} minutes; try again later.` }, { 'retry-after': String(Math.ceil(perMs / 1000)) });
      }
    }
  }
}
