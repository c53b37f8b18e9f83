import type { Pool } from 'pg';

export interface OpenReferral {
  readonly referralId: string;
  readonly pathId: string;
  readonly service: string;
  readonly legalBasis: string;
  readonly referredOn: string;
  readonly workCapacityLimitation: boolean | null;
}

export async function openReferrals(pool: Pool): Promise<OpenReferral[]> {
  const { rows } = await pool.query<OpenReferral>(
    `SELECT referral_id AS "referralId", path_id AS "pathId", service, legal_basis AS "legalBasis",
            referred_on::text AS "referredOn", work_capacity_limitation AS "workCapacityLimitation"
     FROM referrals WHERE closed_on IS NULL ORDER BY referred_on, referral_id`,
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

export async function rehabPeriods(pool: Pool): Promise<RehabPeriod[]> {
  const { rows } = await pool.query<RehabPeriod>(
    `SELECT service_id AS "serviceId", path_id AS "pathId", start_on::text AS "startOn", planned_end_on::text AS "plannedEndOn",
            ended_on::text AS "endedOn", days_per_week AS "daysPerWeek", hours_per_day::float8 AS "hoursPerDay", review_on::text AS "reviewOn"
     FROM rehab_periods ORDER BY start_on, service_id`,
  );
  return rows;
}
