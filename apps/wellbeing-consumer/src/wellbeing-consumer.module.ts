import { join } from 'node:path';
import { ConflictException, Controller, Get, HttpCode, HttpStatus, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown, Post, Res } from '@nestjs/common';
import { kafkaFor, loadConfig, type PolkuConfig } from '@polku/config';
import { healthOf, RebuildInProgressError, startConsumerApp, type ConsumerApp, type ConsumerStatus } from '@polku/consumer';
import { deadLetterTopicOf, Topics } from '@polku/contracts';
import { CONSUMER_GROUP_PREFIXES } from '@polku/kafka';
import type { Response } from 'express';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { projectWellbeing, WELLBEING_TABLES } from './wellbeing.projection';
import { openReferrals, rehabPeriods } from './wellbeing.queries';

/** Owns the consumer and its pool: migrated and started after bootstrap, closed on shutdown. */
@Injectable()
export class WellbeingRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly config: PolkuConfig = loadConfig();
  app: ConsumerApp | undefined;

  constructor(private readonly logger: PinoLogger) {}

  async onApplicationBootstrap(): Promise<void> {
    const log = this.logger;
    this.app = await startConsumerApp({
      databaseUrl: this.config.databaseUrl,
      kafka: { ...kafkaFor(this.config, 'wellbeing'), clientId: 'polku-wellbeing-consumer' },
      kafkaLog: (level, message, extra) => log[level](extra, message),
      groupId: CONSUMER_GROUP_PREFIXES.wellbeing,
      topic: Topics.wellbeing,
      deadLetterTopic: deadLetterTopicOf(Topics.wellbeing),
      schema: 'wellbeing',
      migrationsDir: join(__dirname, '..', 'migrations'),
      handle: projectWellbeing,
      readModelTables: WELLBEING_TABLES,
      log,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.app?.close();
  }

  get started(): ConsumerApp {
    if (!this.app) throw new Error('The wellbeing consumer has not started');
    return this.app;
  }
}

@Controller()
class WellbeingController {
  constructor(private readonly runner: WellbeingRunner) {}

  @Get('health')
  async health(@Res({ passthrough: true }) response: Response): Promise<object> {
    const { ok, body } = await healthOf(this.runner.app);
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }

  @Get('read/open-referrals')
  async openReferrals(): Promise<object> {
    return { referrals: await openReferrals(this.runner.started.pool) };
  }

  @Get('read/rehab-periods')
  async rehabPeriods(): Promise<object> {
    return { periods: await rehabPeriods(this.runner.started.pool) };
  }

  // Local use only: no authentication yet (the JWT baseline is to guard /admin with a role).
  @Post('admin/rebuild')
  @HttpCode(HttpStatus.ACCEPTED)
  async rebuild(): Promise<ConsumerStatus> {
    const { consumer } = this.runner.started;
    await consumer.rebuild().catch((error: unknown) => {
      throw error instanceof RebuildInProgressError ? new ConflictException(error.message) : error;
    });
    return consumer.status();
  }

  @Get('admin/rebuild')
  rebuildStatus(): ConsumerStatus {
    return this.runner.started.consumer.status();
  }
}

@Module({
  imports: [LoggerModule.forRoot({ pinoHttp: { name: 'wellbeing-consumer', level: loadConfig().logLevel, autoLogging: false } })],
  controllers: [WellbeingController],
  providers: [WellbeingRunner],
})
export class WellbeingConsumerModule {}
