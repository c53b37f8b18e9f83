import { createPool, ensureAppLogins, migrate } from '@polku/event-store';
import { DATABASE_APPS, kafkaFor, loadConfig } from '@polku/config';
import { createKafka, ensureAcls, ensureTopicConfigs, ensureTopics, projectTopics } from '@polku/kafka';
import { HOST, Ports } from './layout';
import { say } from './log';
import { DATABASE_URL } from './postgres';

/**
 * Applies pending database migrations with the same runner the apps and tests use, then lets
 * each app's role (0012_app_roles.sql) log in with its password from @polku/config.
 */
export async function migrateDatabase(databaseUrl = DATABASE_URL): Promise<void> {
  const pool = createPool(databaseUrl, 2);
  try {
    const applied = await migrate(pool);
    say(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');
    const { databaseLogins } = loadConfig();
    await ensureAppLogins(pool, DATABASE_APPS.map((app) => databaseLogins[app]));
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
  // The one declaration of topics and their settings (retention: docs/consumers.md); one broker here.
  const topics = projectTopics({ replicationFactor: 1 });
  const created = await ensureTopics(kafka, topics);
  say(created.length > 0 ? `topics created: ${created.join(', ')}` : 'Kafka topics present');
  const altered = await ensureTopicConfigs(kafka, topics);
  if (altered.length > 0) say(`topic settings applied: ${altered.join(', ')}`);
  if (admin.sasl === undefined) {
    say('Kafka without SASL (KAFKA_SASL_MECHANISM=none): no ACLs to grant');
    return;
  }
  const { relay, municipal, wellbeing, api } = config.kafkaPrincipals;
  const acls = await ensureAcls(kafka, { relay: relay.username, municipal: municipal.username, wellbeing: wellbeing.username, api: api.username });
  say(acls.created + acls.deleted > 0 ? `Kafka ACLs: ${acls.created} granted, ${acls.deleted} revoked` : 'Kafka ACLs in place');
}
