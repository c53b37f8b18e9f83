import { Controller, Get, Query } from '@nestjs/common';
import type { StaffUser } from '@polku/auth';
import { AudienceConsumerRunner, CurrentStaff, readArea, StaffRoles } from '@polku/consumer';
import { openReferrals, rehabPeriods, type OpenReferral, type RehabPeriod } from './wellbeing.queries';

/**
 * Referrals and rehabilitation periods (health-related data) for wellbeing-county staff only,
 * each seeing the paths of their token's employment area (docs/consumers.md, "Whose rows").
 */
@Controller('read')
@StaffRoles('wellbeing')
export class WellbeingReadController {
  constructor(private readonly runner: AudienceConsumerRunner) {}

  @Get('open-referrals')
  async openReferrals(@CurrentStaff() staff: StaffUser, @Query('area') area?: unknown): Promise<{ area: string; referrals: OpenReferral[] }> {
    const scope = readArea(staff, area);
    return { area: scope, referrals: await openReferrals(this.runner.started.pool, scope) };
  }

  @Get('rehab-periods')
  async rehabPeriods(@CurrentStaff() staff: StaffUser, @Query('area') area?: unknown): Promise<{ area: string; periods: RehabPeriod[] }> {
    const scope = readArea(staff, area);
    return { area: scope, periods: await rehabPeriods(this.runner.started.pool, scope) };
  }
}
