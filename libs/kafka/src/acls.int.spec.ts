import { randomUUID } from 'node:crypto';
import { kafkaFor, loadConfig, type KafkaPrincipal } from '@polku/config';
import { deadLetterTopicOf, Topics } from '@polku/contracts';
import { eventually } from '@polku/testing';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { CONSUMER_GROUP_PREFIXES } from './acls';
import { createKafka } from './client';

/**
 * The ACLs `npm start` grants (ensureAcls), checked on the real broker with each principal's own
 * credentials: who may read and who may write which audience topic.
 */
const config = loadConfig();
const clientOf = (principal: KafkaPrincipal) => createKafka(kafkaFor(config, principal));
const AUDIENCE_TOPICS = Object.values(Topics);

/** The Kafka protocol error (e.g. TOPIC_AUTHORIZATION_FAILED) behind a kafkajs error. */
function kafkaErrorOf(error: unknown): string {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if ('type' in cause && typeof cause.type === 'string') return cause.type;
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function failureOf(action: Promise<unknown>): Promise<string> {
  try {
    await action;
    return 'succeeded';
  } catch (error) {
    return kafkaErrorOf(error);
  }
}

/** Lands on the real audience topics: the header tells consumers it is no integration event. */
async function publishAsRelay(topic: string, key: string): Promise<void> {
  const producer = clientOf('relay').producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    await producer.send({ topic, messages: [{ key, value: JSON.stringify({ key }), headers: { 'polku-test': 'acls' } }] });
  } finally {
    await producer.disconnect();
  }
}

async function sendAs(principal: KafkaPrincipal, topic: string): Promise<string> {
  const producer = clientOf(principal).producer({ retry: { retries: 0 } });
  await producer.connect();
  try {
    return await failureOf(producer.send({ topic, messages: [{ key: randomUUID(), value: 'x' }] }));
  } finally {
    await producer.disconnect();
  }
}

describe('broker ACLs per principal', () => {
  const consumers: Consumer[] = [];

  async function consumerOf(principal: KafkaPrincipal, groupId: string, topic: string): Promise<Consumer> {
    const consumer = clientOf(principal).consumer({ groupId, retry: { retries: 0 } });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    return consumer;
  }

  afterEach(async () => {
    await Promise.allSettled(consumers.splice(0).map((consumer) => consumer.disconnect()));
  });

  it.each([
    ['municipal', Topics.municipal],
    ['wellbeing', Topics.wellbeing],
  ] as const)('lets %s consume what the relay published to %s, in its own consumer group', async (principal, topic) => {
    const key = `acl-test-${randomUUID()}`;
    await publishAsRelay(topic, key);

    const received: KafkaMessage[] = [];
    const groupId = `${CONSUMER_GROUP_PREFIXES[principal]}-test-${randomUUID()}`;
    const consumer = await consumerOf(principal, groupId, topic);
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message) });

    const message = await eventually(async () => received.find((m) => m.key?.toString() === key), {
      what: `${principal} to receive ${key}`,
    });
    expect(JSON.parse(message.value?.toString() ?? '')).toEqual({ key });
  });

  it.each([
    ['municipal', Topics.wellbeing],
    ['wellbeing', Topics.municipal],
  ] as const)('refuses %s the other agency’s topic %s', async (principal, topic) => {
    const groupId = `${CONSUMER_GROUP_PREFIXES[principal]}-test-${randomUUID()}`;
    expect(await failureOf(consumerOf(principal, groupId, topic))).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('refuses a consumer group outside the principal’s prefix', async () => {
    const groupId = `${CONSUMER_GROUP_PREFIXES.wellbeing}-test-${randomUUID()}`;
    const consumer = await consumerOf('municipal', groupId, Topics.municipal);
    let crash: Error | undefined;
    consumer.on(consumer.events.CRASH, ({ payload }) => void (crash = payload.error));
    await consumer.run({ eachMessage: async () => undefined });
    const error = await eventually(async () => crash, { what: 'the consumer to be refused its group' });
    // kafkajs swallows the broker's GROUP_AUTHORIZATION_FAILED while looking up the coordinator;
    // the same principal finds it for a group with its own prefix (the consume test above).
    expect(kafkaErrorOf(error)).toBe('KafkaJSGroupCoordinatorNotFound: Failed to find group coordinator');
  });

  it.each(['municipal', 'wellbeing'] as const)('refuses %s writes to every audience topic', async (principal) => {
    for (const topic of AUDIENCE_TOPICS) {
      expect([topic, await sendAs(principal, topic)]).toEqual([topic, 'TOPIC_AUTHORIZATION_FAILED']);
    }
  });

  it.each([
    ['municipal', Topics.municipal, Topics.wellbeing],
    ['wellbeing', Topics.wellbeing, Topics.municipal],
  ] as const)('lets %s park messages in its own dead-letter topic only', async (principal, own, other) => {
    expect(await sendAs(principal, deadLetterTopicOf(own))).toBe('succeeded');
    expect(await sendAs(principal, deadLetterTopicOf(other))).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('lets the relay publish to every audience topic and dead-letter topic, idempotently', async () => {
    for (const topic of AUDIENCE_TOPICS.flatMap((name) => [name, deadLetterTopicOf(name)])) {
      expect([topic, await failureOf(publishAsRelay(topic, `acl-test-${randomUUID()}`))]).toEqual([topic, 'succeeded']);
    }
  });

  it.each(AUDIENCE_TOPICS.map(deadLetterTopicOf))('lets the relay read %s back in its replay group', async (topic) => {
    const key = `acl-test-${randomUUID()}`;
    await publishAsRelay(topic, key);
    const received: KafkaMessage[] = [];
    const consumer = await consumerOf('relay', `${CONSUMER_GROUP_PREFIXES.relay}-test-${randomUUID()}`, topic);
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message) });
    await eventually(async () => received.find((m) => m.key?.toString() === key), { what: `the relay to read ${key} back` });
  });

  it.each(AUDIENCE_TOPICS)('refuses the relay reads of %s, even in its replay group', async (topic) => {
    const consumer = await consumerOf('relay', `${CONSUMER_GROUP_PREFIXES.relay}-test-${randomUUID()}`, topic);
    let crash: Error | undefined;
    consumer.on(consumer.events.CRASH, ({ payload }) => void (crash = payload.error));
    await consumer.run({ eachMessage: async () => undefined });
    const error = await eventually(async () => crash, { what: `the relay to be refused ${topic}` });
    expect(kafkaErrorOf(error)).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('rejects a wrong password at authentication', async () => {
    const relay = kafkaFor(config, 'relay');
    const sasl = relay.sasl && { ...relay.sasl, password: `${relay.sasl.password}-wrong` };
    const admin = createKafka({ ...relay, sasl }).admin({ retry: { retries: 0 } });
    expect(await failureOf(admin.connect())).toMatch(/^KafkaJSSASLAuthenticationError: .*invalid credentials/);
    await admin.disconnect();
  });
});
