import { Controller, Get, Query } from '@nestjs/common';
import { KpiQuerySchema, type KpiQuery } from '@polku/contracts';
import { Pool } from 'pg';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { StaffUser } from '../auth/staff-user';
import { ZodPipe } from '../http/zod.pipe';

// Months are compared as 'YYYY-MM' text; absent bounds leave that side open.
const FILTER = `employment_area = $1 AND ($2::text IS NULL OR to_char(month, 'YYYY-MM') >= $2)
  AND ($3::text IS NULL OR to_char(month, 'YYYY-MM') <= $3) AND ($4::text IS NULL OR municipality = $4)`;

/** Outcome KPIs of the caller's area per municipality and month (DOMAIN.md "Outcome KPIs"). */
@Controller('kpis')
export class KpisController {
  constructor(private readonly pool: Pool) {}

  @Get()
  @Roles(['manager', 'admin'])
  async report(@Query(new ZodPipe(KpiQuerySchema, 'query')) query: KpiQuery, @CurrentUser() user: StaffUser) {
    const values = [user.employmentArea, query.from ?? null, query.to ?? null, query.municipality ?? null];
    const [monthly, exits] = await Promise.all([
      this.pool.query(
        `SELECT municipality, to_char(month, 'YYYY-MM') AS month, clients_served::int AS "clientsServed", new_clients::int AS "newClients",
                active_paths::int AS "activePaths", exits::int, goal_attained_exits::int AS "goalAttainedExits",
                goal_attained_share::float AS "goalAttainedShare", interview_on_time_share::float AS "interviewOnTimeShare",
                avg_days_to_plan::float AS "avgDaysToPlan", in_work_share_3::float AS "inWorkShare3", in_work_share_6::float AS "inWorkShare6"
           FROM kpi_monthly WHERE ${FILTER} ORDER BY month, municipality`,
        values,
      ),
      this.pool.query(
        `SELECT municipality, to_char(month, 'YYYY-MM') AS month, outcome, exits::int
           FROM kpi_exits_by_outcome WHERE ${FILTER} ORDER BY month, municipality, outcome`,
        values,
      ),
    ]);
    return { monthly: monthly.rows, exitsByOutcome: exits.rows };
  }
}
