import type { Pool } from 'pg';

export interface OpenReferral {
  readonly referralId: string;
  readonly pathId: string;
  readonly service: string;
  readonly legalBasis: string;
  readonly referredOn: string;
  readonly workCapacityLimitation: boolean | null;
}

/** Open referrals of paths in one employment area (path_areas); never another area's rows. */
export async function openReferrals(pool: Pool, area: string): Promise<OpenReferral[]> {
  const { rows } = await pool.query<OpenReferral>(
    `SELECT r.referral_id AS "referralId", r.path_id AS "pathId", r.service, r.legal_basis AS "legalBasis",
            r.referred_on::text AS "referredOn", r.work_capacity_limitation AS "workCapacityLimitation"
     FROM referrals r JOIN path_areas a ON a.path_id = r.path_id
     WHERE r.closed_on IS NULL AND a.employment_area = $1 ORDER BY r.referred_on, r.referral_id`,
    [area],
  );
  return rows;
}

export interface RehabPeriod {
  readonly serviceId: string;
  readonly pathId: string;
  readonly startOn: string;
  readonly plannedEndOn: string;
  readonly endedOn: string | null;
  readonly daysPerWeek: number | null;
  readonly hoursPerDay: number | null;
  readonly reviewOn: string | null;
}

/** Rehabilitative work activity periods of paths in one employment area. */
export async function rehabPeriods(pool: Pool, area: string): Promise<RehabPeriod[]> {
  const { rows } = await pool.query<RehabPeriod>(
    `SELECT p.service_id AS "serviceId", p.path_id AS "pathId", p.start_on::text AS "startOn", p.planned_end_on::text AS "plannedEndOn",
            p.ended_on::text AS "endedOn", p.days_per_week AS "daysPerWeek", p.hours_per_day::float8 AS "hoursPerDay", p.review_on::text AS "reviewOn"
     FROM rehab_periods p JOIN path_areas a ON a.path_id = p.path_id
     WHERE a.employment_area = $1 ORDER BY p.start_on, p.service_id`,
    [area],
  );
  return rows;
}
