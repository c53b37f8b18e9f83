import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { KpiQuerySchema, type KpiQuery, type KpiReport } from '@polku/contracts';
import type { Response } from 'express';
import { CurrentUser, Roles } from '@polku/auth';
import type { StaffUser } from '../auth/staff-user';
import { ZodPipe } from '../http/zod.pipe';
import { helsinkiToday } from '../paths/wellbeing-visibility';
import { kpiCsv } from './kpi-csv';
import { kpiAsked } from './kpi-period';
import { KpiPeriodQuery } from './kpi-period.query';
import { kpiReport } from './kpi-report';

/**
 * Outcome KPIs of the caller's area over any period (DOMAIN.md "Outcome KPIs", docs/reporting.md),
 * against the same period a year earlier. The exact counts never leave this folder: every
 * figure goes through the small-cell rule first.
 */
@Controller('kpis')
export class KpisController {
  constructor(private readonly counts: KpiPeriodQuery) {}

  @Get()
  @Roles(['manager', 'admin'])
  report(@Query(new ZodPipe(KpiQuerySchema, 'query')) query: KpiQuery, @CurrentUser() user: StaffUser): Promise<KpiReport> {
    return this.answer(query, user);
  }

  /** The same answer as CSV, named after its period and segment. */
  @Get('export.csv')
  @Roles(['manager', 'admin'])
  @Header('content-type', 'text/csv; charset=utf-8')
  async csv(@Query(new ZodPipe(KpiQuerySchema, 'query')) query: KpiQuery, @CurrentUser() user: StaffUser, @Res({ passthrough: true }) response: Response): Promise<string> {
    const report = await this.answer(query, user);
    const name = `kpis_${report.period.from}_${report.period.to}_${report.segment.replace(':', '-')}${report.asOf ? `_as-of-${report.asOf}` : ''}.csv`;
    response.setHeader('content-disposition', `attachment; filename="${name}"`);
    // A byte-order mark, so spreadsheet programs read the ä and ö of municipality names as UTF-8.
    return `\uFEFF${kpiCsv(report)}`;
  }

  private async answer(query: KpiQuery, user: StaffUser): Promise<KpiReport> {
    const asked = kpiAsked(query, helsinkiToday());
    const base = { employmentArea: user.employmentArea, segment: query.segment, municipality: query.municipality, recordedBefore: asked.recordedBefore, judgedOn: asked.judgedOn };
    const [current, previous] = await Promise.all([this.counts.counts({ ...base, period: asked.period }), this.counts.counts({ ...base, period: asked.previousYear })]);
    return kpiReport(asked, query.segment, new Date().toISOString(), current, previous);
  }
}
