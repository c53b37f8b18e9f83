import { join } from 'node:path';
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { TokenIssuerSettings } from '@polku/auth';
import { databaseUrlFor, kafkaFor, loadConfig, type PolkuConfig } from '@polku/config';
import { deadLetterTopicOf, type TopicName } from '@polku/contracts';
import { CONSUMER_GROUP_PREFIXES } from '@polku/kafka';
import { PinoLogger } from 'nestjs-pino';
import { startConsumerApp, type ConsumerApp } from '../consumer-app';
import type { EventHandler } from '../record-handler';

/** What makes one downstream system: its principal, topic, schema and read model. Used as the DI token. */
export abstract class AudienceConsumerOptions {
  abstract readonly audience: 'municipal' | 'wellbeing';
  abstract readonly topic: TopicName;
  /** The app folder; its `migrations/` create the read model in the audience's own schema. */
  abstract readonly appDir: string;
  abstract readonly handle: EventHandler;
  /** The audience's name unless given (a test runs the app in a throw-away schema). */
  readonly schema?: string;
  /** The principal's group prefix unless given (a test's group still starts with it). */
  readonly groupId?: string;
  /** The token issuer to trust: the configured one (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL) unless given. */
  readonly tokenIssuer?: TokenIssuerSettings;
}

/** Owns the consumer and its pool: migrated and started after bootstrap, closed on shutdown. */
@Injectable()
export class AudienceConsumerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly config: PolkuConfig = loadConfig();
  app: ConsumerApp | undefined;

  constructor(
    private readonly logger: PinoLogger,
    readonly options: AudienceConsumerOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { audience, topic, appDir, handle } = this.options;
    const log = this.logger;
    this.app = await startConsumerApp({
      // Its own role, which owns its schema and reaches nothing else (docs/security.md).
      databaseUrl: databaseUrlFor(this.config, `${audience}-consumer`),
      kafka: { ...kafkaFor(this.config, audience), clientId: `polku-${audience}-consumer` },
      kafkaLog: (level, message, extra) => log[level](extra, message),
      groupId: this.options.groupId ?? CONSUMER_GROUP_PREFIXES[audience],
      topic,
      deadLetterTopic: deadLetterTopicOf(topic),
      schema: this.options.schema ?? audience,
      migrationsDir: join(appDir, 'migrations'),
      handle,
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
