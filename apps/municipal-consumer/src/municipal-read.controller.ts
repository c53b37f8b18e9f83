import { Controller, Get, Query } from '@nestjs/common';
import type { StaffUser } from '@polku/auth';
import { AudienceConsumerRunner, CurrentStaff, readArea, StaffRoles } from '@polku/consumer';
import { activePathsByStage, exitsByOutcome, type ActivePathsByStage, type ExitsByOutcome } from './municipal.queries';

/** An employment area's own figures, for its managers and coaches (staff tokens, area-scoped). */
@Controller('read')
@StaffRoles('manager', 'coach')
export class MunicipalReadController {
  constructor(private readonly runner: AudienceConsumerRunner) {}

  @Get('active-paths-by-stage')
  activePathsByStage(@CurrentStaff() staff: StaffUser, @Query('area') area?: unknown): Promise<ActivePathsByStage> {
    return activePathsByStage(this.runner.started.pool, readArea(staff, area));
  }

  @Get('exits-by-outcome')
  exitsByOutcome(@CurrentStaff() staff: StaffUser, @Query('area') area?: unknown): Promise<ExitsByOutcome> {
    return exitsByOutcome(this.runner.started.pool, readArea(staff, area));
  }
}
