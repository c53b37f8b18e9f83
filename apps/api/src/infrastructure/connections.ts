import { Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { databaseUrlFor, kafkaFor, loadConfig, type KafkaSettings, type PolkuConfig } from '@polku/config';
import { createPool } from '@polku/event-store';
import { createKafka } from '@polku/kafka';
import { AesGcmPayloadCodec, connectTemporalClient, temporalDataConverter } from '@polku/temporal';
import { Client } from '@temporalio/client';
import type { Admin } from 'kafkajs';
import { Pool } from 'pg';
import { PinoLogger } from 'nestjs-pino';

/** Settings, read once from the environment. Injected by class, never by a string token. */
@Injectable()
export class AppConfig {
  readonly values: PolkuConfig = loadConfig();
}

/** A connected Kafka admin client, used for health checks (and later for topic admin). */
@Injectable()
export class KafkaAdmin implements OnApplicationShutdown {
  private admin: Admin | undefined;
  // The API's own principal, which may only describe the cluster and topics; resolved here so a
  // missing KAFKA_API_PASSWORD stops the API at start-up, not at its first health check.
  private readonly settings: KafkaSettings;

  constructor(config: AppConfig, private readonly logger: PinoLogger) {
    this.settings = kafkaFor(config.values, 'api');
  }

  async get(): Promise<Admin> {
    if (!this.admin) {
      const kafka = createKafka(this.settings, (level, message, extra) => this.logger[level](extra, message));
      const admin = kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect();
  }
}

/** Closes the clients the factories below opened, when Nest shuts down. */
@Injectable()
class ConnectionCloser implements OnApplicationShutdown {
  constructor(private readonly pool: Pool, private readonly temporal: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.pool.end(), this.temporal.connection.close()]);
  }
}

@Module({
  providers: [
    AppConfig,
    KafkaAdmin,
    ConnectionCloser,
    { provide: Pool, inject: [AppConfig], useFactory: (config: AppConfig) => createPool(databaseUrlFor(config.values, 'api')) },
    // One codec for the API's Temporal client and its codec endpoint (the Temporal UI's decoder).
    { provide: AesGcmPayloadCodec, inject: [AppConfig], useFactory: (config: AppConfig) => new AesGcmPayloadCodec(config.values.payloadEncryption) },
    {
      provide: Client,
      inject: [AppConfig, AesGcmPayloadCodec],
      useFactory: (config: AppConfig, codec: AesGcmPayloadCodec) => connectTemporalClient(config.values.temporal, temporalDataConverter(codec)),
    },
  ],
  exports: [AppConfig, KafkaAdmin, Pool, Client, AesGcmPayloadCodec],
})
export class ConnectionsModule {}
