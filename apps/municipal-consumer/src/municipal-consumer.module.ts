import { join } from 'node:path';
import { Controller, Get, Module, Query } from '@nestjs/common';
import { AudienceConsumerModule, AudienceConsumerRunner } from '@polku/consumer';
import { Topics } from '@polku/contracts';
import { activePathsByStage, exitsByOutcome } from './municipal.queries';
import { MUNICIPAL_TABLES, projectPath } from './paths.projection';

@Controller('read')
class MunicipalReadController {
  constructor(private readonly runner: AudienceConsumerRunner) {}

  @Get('active-paths-by-stage')
  activePathsByStage(@Query('area') area?: string): Promise<object> {
    return activePathsByStage(this.runner.started.pool, area);
  }

  @Get('exits-by-outcome')
  exitsByOutcome(@Query('area') area?: string): Promise<object> {
    return exitsByOutcome(this.runner.started.pool, area);
  }
}

@Module({
  imports: [
    AudienceConsumerModule.forAudience({
      audience: 'municipal',
      topic: Topics.municipal,
      appDir: join(__dirname, '..'),
      handle: projectPath,
      readModelTables: MUNICIPAL_TABLES,
    }),
  ],
  controllers: [MunicipalReadController],
})
export class MunicipalConsumerModule {}
