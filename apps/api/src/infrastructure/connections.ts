import { Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { loadConfig, type PolkuConfig } from '@polku/config';
import { createPool } from '@polku/event-store';
import { createKafka } from '@polku/kafka';
import { Client, Connection } from '@temporalio/client';
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

  constructor(private readonly config: AppConfig, private readonly logger: PinoLogger) {}

  async get(): Promise<Admin> {
    if (!this.admin) {
      const kafka = createKafka(this.config.values.kafka, (level, message, extra) => this.logger[level](extra, message));
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
    { provide: Pool, inject: [AppConfig], useFactory: (config: AppConfig) => createPool(config.values.databaseUrl) },
    {
      provide: Client,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) =>
        new Client({
          connection: await Connection.connect({ address: config.values.temporal.address }),
          namespace: config.values.temporal.namespace,
        }),
    },
  ],
  exports: [AppConfig, KafkaAdmin, Pool, Client],
})
export class ConnectionsModule {}
