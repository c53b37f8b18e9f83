import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { AudienceConsumerModule, AudienceConsumerRunner } from '@polku/consumer';
import { Topics } from '@polku/contracts';
import { projectWellbeing, WELLBEING_TABLES } from './wellbeing.projection';
import { openReferrals, rehabPeriods } from './wellbeing.queries';

@Controller('read')
class WellbeingReadController {
  constructor(private readonly runner: AudienceConsumerRunner) {}

  @Get('open-referrals')
  async openReferrals(): Promise<object> {
    return { referrals: await openReferrals(this.runner.started.pool) };
  }

  @Get('rehab-periods')
  async rehabPeriods(): Promise<object> {
    return { periods: await rehabPeriods(this.runner.started.pool) };
  }
}

@Module({
  imports: [
    AudienceConsumerModule.forAudience({
      audience: 'wellbeing',
      topic: Topics.wellbeing,
      appDir: join(__dirname, '..'),
      handle: projectWellbeing,
      readModelTables: WELLBEING_TABLES,
    }),
  ],
  controllers: [WellbeingReadController],
})
export class WellbeingConsumerModule {}
