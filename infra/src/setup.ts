import { ALL_TOPICS } from '@polku/contracts';
import { createPool, migrate } from '@polku/event-store';
import { kafkaFor, loadConfig } from '@polku/config';
import { createKafka, DEFAULT_PARTITIONS, ensureAcls, ensureTopics } from '@polku/kafka';
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

/**
 * Creates the project's Kafka topics (auto-creation is off on the broker) and grants each
 * principal exactly its ACLs, as the admin principal.
 */
export async function createTopics(): Promise<void> {
  const config = loadConfig();
  const admin = kafkaFor(config, 'admin');
  const kafka = createKafka({ ...admin, brokers: [`${HOST}:${Ports.kafka}`], clientId: 'polku-infra' });
  const created = await ensureTopics(
    kafka,
    ALL_TOPICS.map((topic) => ({ topic, numPartitions: DEFAULT_PARTITIONS, replicationFactor: 1 })),
  );
  say(created.length > 0 ? `topics created: ${created.join(', ')}` : 'Kafka topics present');
  if (admin.sasl === undefined) {
    say('Kafka without SASL (KAFKA_SASL_MECHANISM=none): no ACLs to grant');
    return;
  }
  const { relay, municipal, wellbeing } = config.kafkaPrincipals;
  const acls = await ensureAcls(kafka, { relay: relay.username, municipal: municipal.username, wellbeing: wellbeing.username });
  say(acls.created + acls.deleted > 0 ? `Kafka ACLs: ${acls.created} granted, ${acls.deleted} revoked` : 'Kafka ACLs in place');
}
