import { join } from 'node:path';
import { ConflictException, Controller, Get, HttpCode, HttpStatus, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown, Post, Query, Res } from '@nestjs/common';
import { kafkaFor, loadConfig, type PolkuConfig } from '@polku/config';
import { healthOf, RebuildInProgressError, startConsumerApp, type ConsumerApp, type ConsumerStatus } from '@polku/consumer';
import { deadLetterTopicOf, Topics } from '@polku/contracts';
import { CONSUMER_GROUP_PREFIXES } from '@polku/kafka';
import type { Response } from 'express';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { activePathsByStage, exitsByOutcome } from './municipal.queries';
import { MUNICIPAL_TABLES, projectPath } from './paths.projection';

/** Owns the consumer and its pool: migrated and started after bootstrap, closed on shutdown. */
@Injectable()
export class MunicipalRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly config: PolkuConfig = loadConfig();
  app: ConsumerApp | undefined;

  constructor(private readonly logger: PinoLogger) {}

  async onApplicationBootstrap(): Promise<void> {
    const log = this.logger;
    this.app = await startConsumerApp({
      databaseUrl: this.config.databaseUrl,
      kafka: { ...kafkaFor(this.config, 'municipal'), clientId: 'polku-municipal-consumer' },
      kafkaLog: (level, message, extra) => log[level](extra, message),
      groupId: CONSUMER_GROUP_PREFIXES.municipal,
      topic: Topics.municipal,
      deadLetterTopic: deadLetterTopicOf(Topics.municipal),
      schema: 'municipal',
      migrationsDir: join(__dirname, '..', 'migrations'),
      handle: projectPath,
      readModelTables: MUNICIPAL_TABLES,
      log,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.app?.close();
  }

  get started(): ConsumerApp {
    if (!this.app) throw new Error('The municipal consumer has not started');
    return this.app;
  }
}

@Controller()
class MunicipalController {
  constructor(private readonly runner: MunicipalRunner) {}

  @Get('health')
  async health(@Res({ passthrough: true }) response: Response): Promise<object> {
    const { ok, body } = await healthOf(this.runner.app);
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }

  @Get('read/active-paths-by-stage')
  activePathsByStage(@Query('area') area?: string): Promise<object> {
    return activePathsByStage(this.runner.started.pool, area);
  }

  @Get('read/exits-by-outcome')
  exitsByOutcome(@Query('area') area?: string): Promise<object> {
    return exitsByOutcome(this.runner.started.pool, area);
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
  imports: [LoggerModule.forRoot({ pinoHttp: { name: 'municipal-consumer', level: loadConfig().logLevel, autoLogging: false } })],
  controllers: [MunicipalController],
  providers: [MunicipalRunner],
})
export class MunicipalConsumerModule {}
