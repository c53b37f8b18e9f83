import { join } from 'node:path';
import {
  ConflictException,
  Controller,
  type DynamicModule,
  Get,
  HttpCode,
  HttpStatus,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Post,
  Res,
} from '@nestjs/common';
import { kafkaFor, loadConfig, type PolkuConfig } from '@polku/config';
import { deadLetterTopicOf, type TopicName } from '@polku/contracts';
import { CONSUMER_GROUP_PREFIXES } from '@polku/kafka';
import type { Response } from 'express';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { healthOf, startConsumerApp, type ConsumerApp } from '../consumer-app';
import { RebuildInProgressError, type ConsumerStatus, type EventHandler } from '../event-consumer';

/** What makes one downstream system: its principal, topic, schema and read model. Used as the DI token. */
export abstract class AudienceConsumerOptions {
  abstract readonly audience: 'municipal' | 'wellbeing';
  abstract readonly topic: TopicName;
  /** The app folder; its `migrations/` create the read model in the audience's own schema. */
  abstract readonly appDir: string;
  abstract readonly handle: EventHandler;
  abstract readonly readModelTables: readonly string[];
}

/** Owns the consumer and its pool: migrated and started after bootstrap, closed on shutdown. */
@Injectable()
export class AudienceConsumerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly config: PolkuConfig = loadConfig();
  app: ConsumerApp | undefined;

  constructor(private readonly logger: PinoLogger, readonly options: AudienceConsumerOptions) {}

  async onApplicationBootstrap(): Promise<void> {
    const { audience, topic, appDir, handle, readModelTables } = this.options;
    const log = this.logger;
    this.app = await startConsumerApp({
      databaseUrl: this.config.databaseUrl,
      kafka: { ...kafkaFor(this.config, audience), clientId: `polku-${audience}-consumer` },
      kafkaLog: (level, message, extra) => log[level](extra, message),
      groupId: CONSUMER_GROUP_PREFIXES[audience],
      topic,
      deadLetterTopic: deadLetterTopicOf(topic),
      schema: audience,
      migrationsDir: join(appDir, 'migrations'),
      handle,
      readModelTables,
      log,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.app?.close();
  }

  get started(): ConsumerApp {
    if (!this.app) throw new Error(`The ${this.options.audience} consumer has not started`);
    return this.app;
  }
}

@Controller()
class AudienceConsumerAdminController {
  constructor(private readonly runner: AudienceConsumerRunner) {}

  @Get('health')
  async health(@Res({ passthrough: true }) response: Response): Promise<object> {
    const { ok, body } = await healthOf(this.runner.app);
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return body;
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

/** Health, rebuild and the consumer itself; each app adds only its read endpoints. */
@Module({})
export class AudienceConsumerModule {
  static forAudience(options: AudienceConsumerOptions): DynamicModule {
    return {
      module: AudienceConsumerModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { name: `${options.audience}-consumer`, level: loadConfig().logLevel, autoLogging: false } })],
      controllers: [AudienceConsumerAdminController],
      providers: [AudienceConsumerRunner, { provide: AudienceConsumerOptions, useValue: options }],
      exports: [AudienceConsumerRunner],
    };
  }
}
