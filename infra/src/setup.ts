import { ALL_TOPICS } from '@polku/contracts';
import { createPool, migrate } from '@polku/event-store';
import { createKafka, DEFAULT_PARTITIONS, ensureTopics } from '@polku/kafka';
import { HOST, Ports } from './layout';
import { say } from './log';
import { DATABASE_URL } from './postgres';

/** Applies pending database migrations with the same runner the apps and tests use. */
export async function migrateDatabase(databaseUrl = DATABASE_URL): Promise<void> {
  const pool = createPool(databaseUrl, 2);
  try {
    const applied = await migrate(pool);
    say(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');
  } finally {
    await pool.end();
  }
}

/** Creates the project's Kafka topics (auto-creation is off on the broker). */
export async function createTopics(): Promise<void> {
  const kafka = createKafka({ brokers: [`${HOST}:${Ports.kafka}`], clientId: 'polku-infra' });
  const created = await ensureTopics(
    kafka,
    ALL_TOPICS.map((topic) => ({ topic, numPartitions: DEFAULT_PARTITIONS, replicationFactor: 1 })),
  );
  say(created.length > 0 ? `topics created: ${created.join(', ')}` : 'Kafka topics present');
}
