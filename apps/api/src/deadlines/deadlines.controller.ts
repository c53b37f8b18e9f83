import { Controller, Get, Query } from '@nestjs/common';
import { DeadlinesQuerySchema } from '@polku/contracts';
import { Pool } from 'pg';
import type { z } from 'zod';
import { CurrentUser } from '@polku/auth';
import type { StaffUser } from '../auth/staff-user';
import { ZodPipe } from '../http/zod.pipe';
import { helsinkiToday, sharedWithWellbeing } from '../paths/wellbeing-visibility';

const VIEWS = { upcoming: 'upcoming_deadlines', overdue: 'overdue_deadlines' } as const;

/** Upcoming (pending, soonest first) or overdue deadlines of the caller's area, from the projection. */
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly pool: Pool) {}

  @Get()
  async list(@Query(new ZodPipe(DeadlinesQuerySchema, 'query')) query: z.infer<typeof DeadlinesQuerySchema>, @CurrentUser() user: StaffUser) {
    const wellbeing = user.role === 'wellbeing';
    const { rows } = await this.pool.query(
      `SELECT path_id AS "pathId", item_id AS "itemId", rule, kind, subject, to_char(due_on, 'YYYY-MM-DD') AS "dueOn",
              to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "dueAt", notify, status, municipality, coach_id AS "coachId"
         FROM ${VIEWS[query.window]} WHERE employment_area = $1 ${wellbeing ? `AND ${sharedWithWellbeing('path_id', '$3')}` : ''} ORDER BY due_at LIMIT $2`,
      [user.employmentArea, query.limit, ...(wellbeing ? [helsinkiToday()] : [])],
    );
    return { items: rows };
  }
}
