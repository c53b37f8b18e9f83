import { migrate } from '@polku/event-store';
import { createKafka, type KafkaLog, type KafkaSettings } from '@polku/kafka';
import type { Pool } from 'pg';
import { EventConsumer, type ConsumerSpec } from './event-consumer';
import { createSchemaPool } from './schema-pool';
import { ShadowRebuild } from './shadow-rebuild';

export interface ConsumerAppSpec extends Omit<ConsumerSpec, 'kafka' | 'pool'> {
  readonly databaseUrl: string;
  /** The principal's settings (`kafkaFor(config, 'municipal')`). */
  readonly kafka: KafkaSettings;
  /** The app's own `NNNN_*.sql` migrations, recorded in `<schema>.schema_migrations`; a rebuild runs them too. */
  readonly migrationsDir: string;
  readonly kafkaLog?: KafkaLog;
}

export interface ConsumerApp {
  readonly consumer: EventConsumer;
  readonly rebuild: ShadowRebuild;
  readonly pool: Pool;
  close(): Promise<void>;
}

/** Migrates the consumer's schema, then starts consuming: what each consumer app does at boot. */
export async function startConsumerApp(spec: ConsumerAppSpec): Promise<ConsumerApp> {
  const { databaseUrl, migrationsDir, kafkaLog, ...rest } = spec;
  const pool = createSchemaPool(databaseUrl, spec.schema);
  try {
    await migrate(pool, migrationsDir, { table: `${spec.schema}.schema_migrations` });
    const kafka = createKafka(spec.kafka, kafkaLog);
    const consumer = new EventConsumer({ ...rest, pool, kafka });
    const rebuild = new ShadowRebuild({ ...rest, kafka, pool, databaseUrl, migrationsDir, live: consumer });
    await consumer.start();
    const close = () => rebuild.close().finally(() => consumer.close().finally(() => pool.end()));
    return { consumer, rebuild, pool, close };
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
  // A rebuild pauses the live consumer for its last catch-up and the swap: not a failure.
  const swapping = app?.rebuild.status()?.state === 'SWAPPING';
  const ok = postgres && (status?.running === true || swapping);
  const checks = { postgres: postgres ? 'up' : 'down', consumer: status?.running ? 'up' : swapping ? 'paused for a rebuild' : 'down' };
  return { ok, body: { status: ok ? 'ok' : 'unavailable', checks, consumer: status ?? null, rebuild: app?.rebuild.status() ?? null } };
}
