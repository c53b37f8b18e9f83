import { randomUUID } from 'node:crypto';
import { kafkaFor, loadConfig } from '@polku/config';
import { deadLetterTopicOf, Topics } from '@polku/contracts';
import { eventually } from '@polku/testing';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { createKafka } from './client';

/**
 * The API's own principal (ensureAcls' apiGrants), on the real broker: enough for the health
 * check (describe the cluster and the audience topics), never a message in or out.
 */
const config = loadConfig();
const api = createKafka(kafkaFor(config, 'api'));
const AUDIENCE_TOPICS = Object.values(Topics);

/** The Kafka protocol error (e.g. TOPIC_AUTHORIZATION_FAILED) behind a kafkajs error, or 'succeeded'. */
async function failureOf(action: Promise<unknown>): Promise<string> {
  try {
    await action;
    return 'succeeded';
  } catch (error) {
    for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
      if ('type' in cause && typeof cause.type === 'string') return cause.type;
    }
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

describe('the API principal', () => {
  const consumers: Consumer[] = [];
  afterEach(async () => {
    await Promise.allSettled(consumers.splice(0).map((consumer) => consumer.disconnect()));
  });

  it('describes the cluster and the audience topics, as the health check does', async () => {
    const admin = api.admin();
    await admin.connect();
    try {
      expect((await admin.describeCluster()).brokers.length).toBeGreaterThan(0);
      const { topics } = await admin.fetchTopicMetadata({ topics: AUDIENCE_TOPICS });
      expect(topics.map((topic) => topic.name).sort()).toEqual([...AUDIENCE_TOPICS].sort());
      expect(await failureOf(admin.createTopics({ topics: [{ topic: `polku.api-probe.${randomUUID()}` }] }))).not.toBe('succeeded');
    } finally {
      await admin.disconnect();
    }
  });

  it('cannot produce to any audience or dead-letter topic', async () => {
    const producer = api.producer({ retry: { retries: 0 } });
    await producer.connect();
    try {
      for (const topic of AUDIENCE_TOPICS.flatMap((name) => [name, deadLetterTopicOf(name)])) {
        const sent = producer.send({ topic, messages: [{ key: randomUUID(), value: 'from the api' }] });
        expect([topic, await failureOf(sent)]).toEqual([topic, 'TOPIC_AUTHORIZATION_FAILED']);
      }
    } finally {
      await producer.disconnect();
    }
  });

  it.each(AUDIENCE_TOPICS)('cannot consume %s, even what the relay just published there', async (topic) => {
    const key = `api-acl-${randomUUID()}`;
    const relay = createKafka(kafkaFor(config, 'relay')).producer({ idempotent: true, maxInFlightRequests: 1 });
    await relay.connect();
    await relay.send({ topic, messages: [{ key, value: JSON.stringify({ key }), headers: { 'polku-test': 'acls' } }] });
    await relay.disconnect();

    const consumer = api.consumer({ groupId: `polku-api-${randomUUID()}`, retry: { retries: 0 } });
    consumers.push(consumer);
    const received: KafkaMessage[] = [];
    let crash: Error | undefined;
    consumer.on(consumer.events.CRASH, ({ payload }) => void (crash = payload.error));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message) });
    const error = await eventually(async () => crash, { what: `the API principal to be refused ${topic}` });
    // No consumer group is the API's: kafkajs reports the broker's GROUP_AUTHORIZATION_FAILED as
    // a coordinator it cannot find (see acls.int.spec.ts).
    expect(await failureOf(Promise.reject(error))).toBe('KafkaJSGroupCoordinatorNotFound: Failed to find group coordinator');
    expect(received).toEqual([]);
  });
});
