import { migrate } from '@polku/event-store';
import { createKafka, type KafkaLog, type KafkaSettings } from '@polku/kafka';
import type { Pool } from 'pg';
import { EventConsumer, type ConsumerSpec } from './event-consumer';
import { createSchemaPool } from './schema-pool';

export interface ConsumerAppSpec extends Omit<ConsumerSpec, 'kafka' | 'pool'> {
  readonly databaseUrl: string;
  /** The principal's settings (`kafkaFor(config, 'municipal')`). */
  readonly kafka: KafkaSettings;
  /** The app's own `NNNN_*.sql` migrations, recorded in `<schema>.schema_migrations`. */
  readonly migrationsDir: string;
  readonly kafkaLog?: KafkaLog;
}

export interface ConsumerApp {
  readonly consumer: EventConsumer;
  readonly pool: Pool;
  close(): Promise<void>;
}

/** Migrates the consumer's schema, then starts consuming: what each consumer app does at boot. */
export async function startConsumerApp(spec: ConsumerAppSpec): Promise<ConsumerApp> {
  const { databaseUrl, migrationsDir, kafkaLog, ...rest } = spec;
  const pool = createSchemaPool(databaseUrl, spec.schema);
  try {
    await migrate(pool, migrationsDir, { table: `${spec.schema}.schema_migrations` });
    const consumer = new EventConsumer({ ...rest, pool, kafka: createKafka(spec.kafka, kafkaLog) });
    await consumer.start();
    return { consumer, pool, close: () => consumer.close().finally(() => pool.end()) };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** Whether PostgreSQL answers on this pool (for /health). */
export async function databaseUp(pool: Pool): Promise<boolean> {
  return pool.query('SELECT 1').then(
    () => true,
    () => false,
  );
}

/** The /health answer of a consumer app: healthy while its consumer runs and PostgreSQL answers. */
export async function healthOf(app: ConsumerApp | undefined): Promise<{ ok: boolean; body: object }> {
  const postgres = app !== undefined && (await databaseUp(app.pool));
  const status = app?.consumer.status();
  const ok = postgres && status?.running === true;
  const checks = { postgres: postgres ? 'up' : 'down', consumer: status?.running ? 'up' : 'down' };
  return { ok, body: { status: ok ? 'ok' : 'unavailable', checks, consumer: status ?? null } };
}
