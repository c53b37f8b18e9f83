import { Controller, Get, Query } from '@nestjs/common';
import { KpiQuerySchema, type KpiQuery, type KpiReport } from '@polku/contracts';
import { Pool } from 'pg';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ZodPipe } from '../http/zod.pipe';
import { publishExits, publishMonth, type KpiMonthCounts } from './kpi-disclosure';

// Months are compared as 'YYYY-MM' text; absent bounds leave that side open.
const FILTER = `employment_area = $1 AND ($2::text IS NULL OR to_char(month, 'YYYY-MM') >= $2)
  AND ($3::text IS NULL OR to_char(month, 'YYYY-MM') <= $3) AND ($4::text IS NULL OR municipality = $4)`;

/**
 * Outcome KPIs of the caller's area per municipality and month (DOMAIN.md "Outcome KPIs"). The
 * exact counts never leave this class: every figure goes through the small-cell rule first.
 */
@Controller('kpis')
export class KpisController {
  constructor(private readonly pool: Pool) {}

  @Get()
  @Roles(['manager', 'admin'])
  async report(@Query(new ZodPipe(KpiQuerySchema, 'query')) query: KpiQuery, @CurrentUser() user: StaffUser): Promise<KpiReport> {
    const values = [user.employmentArea, query.from ?? null, query.to ?? null, query.municipality ?? null];
    const [monthly, exits] = await Promise.all([
      this.pool.query<KpiMonthCounts>(
        `SELECT municipality, to_char(month, 'YYYY-MM') AS month, clients_served::int AS "clientsServed", new_clients::int AS "newClients",
                active_paths::int AS "activePaths", exits::int, goal_attained_exits::int AS "goalAttainedExits",
                interviews_due::int AS "interviewsDue", interviews_on_time::int AS "interviewsOnTime",
                plans_recorded::int AS "plansRecorded", avg_days_to_plan::float AS "avgDaysToPlan",
                follow_ups_3::int AS "followUps3", in_work_at_3::int AS "inWorkAt3", follow_ups_6::int AS "followUps6", in_work_at_6::int AS "inWorkAt6"
           FROM kpi_monthly WHERE ${FILTER} ORDER BY month, municipality`,
        values,
      ),
      this.pool.query<{ municipality: string; month: string; outcome: string; exits: number }>(
        `SELECT municipality, to_char(month, 'YYYY-MM') AS month, outcome, exits::int
           FROM kpi_exits_by_outcome WHERE ${FILTER} ORDER BY month, municipality, outcome`,
        values,
      ),
    ]);
    return { monthly: monthly.rows.map(publishMonth), exitsByOutcome: exits.rows.map(publishExits) };
  }
}
