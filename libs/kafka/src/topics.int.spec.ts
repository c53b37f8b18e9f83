import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { ALL_TOPICS, Topics } from '@polku/contracts';
import { withAdmin } from './admin';
import { createKafka } from './client';
import { ensureTopicConfigs, ensureTopics, projectTopics, RETENTION, topicConfigs } from './topics';

const kafka = createKafka(loadConfig().kafka);
const RETENTION_KEYS = ['cleanup.policy', 'retention.ms', 'retention.bytes'] as const;

const settingsOf = (topic: string) =>
  withAdmin(kafka, async (admin) => {
    const all = (await topicConfigs(admin, [topic])).get(topic) ?? new Map<string, string>();
    return Object.fromEntries(RETENTION_KEYS.map((key) => [key, all.get(key)]));
  });

describe('ensureTopics on the real broker', () => {
  const topic = `polku.test.${randomUUID()}`;
  const other = `polku.test.${randomUUID()}`;

  afterAll(() => withAdmin(kafka, (admin) => admin.deleteTopics({ topics: [topic, other] }).catch(() => undefined)));

  it('creates a missing topic with its partitions, and leaves it alone the second time', async () => {
    const spec = { topic, numPartitions: 3, replicationFactor: 1 };
    expect(await ensureTopics(kafka, [spec])).toEqual([topic]);
    expect(await ensureTopics(kafka, [spec])).toEqual([]);
    const { topics } = await withAdmin(kafka, (admin) => admin.fetchTopicMetadata({ topics: [topic] }));
    expect(topics[0]?.partitions).toHaveLength(3);
  });

  it('creates a topic with its declared retention, and brings an existing one to it once', async () => {
    const audience = { topic: other, numPartitions: 1, replicationFactor: 1, configs: RETENTION.audience };
    // An existing topic as an older start made it: the broker's 7-day default.
    await ensureTopics(kafka, [{ ...audience, configs: {} }]);
    expect(await settingsOf(other)).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': '604800000', 'retention.bytes': '-1' });

    expect(await ensureTopicConfigs(kafka, [audience])).toEqual([other]);
    expect(await settingsOf(other)).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1' });
    expect(await ensureTopicConfigs(kafka, [audience])).toEqual([]);
  });

  it('does not let a producer create topics implicitly (auto-creation is off)', async () => {
    const producer = kafka.producer({ allowAutoTopicCreation: true, retry: { retries: 1 } });
    await producer.connect();
    try {
      await expect(
        producer.send({ topic: `polku.test.absent.${randomUUID()}`, messages: [{ value: 'x' }] }),
      ).rejects.toThrow(/does not host this topic-partition|UNKNOWN_TOPIC_OR_PARTITION|not exist/i);
    } finally {
      await producer.disconnect();
    }
  });
});

describe('the project topics', () => {
  it('declares every topic: audience topics kept forever, dead letters for 90 days, two in sync on a cluster', () => {
    const specs = projectTopics({ replicationFactor: 3 });
    expect(specs.map((spec) => spec.topic).sort()).toEqual([...ALL_TOPICS].sort());
    expect(specs.find((spec) => spec.topic === Topics.wellbeing)?.configs).toEqual({ ...RETENTION.audience, 'min.insync.replicas': '2' });
    expect(specs.find((spec) => spec.topic === `${Topics.municipal}.dlq`)?.configs).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': '7776000000', 'retention.bytes': '-1', 'min.insync.replicas': '2' });
    expect(projectTopics({ replicationFactor: 1 }).every((spec) => spec.configs?.['min.insync.replicas'] === '1')).toBe(true);
  });

  // What `npm start` / `npm test` left on the local broker (infra/src/setup.ts applies projectTopics).
  it.each(Object.values(Topics))('keeps %s forever on the running broker', async (topic) => {
    expect(await settingsOf(topic)).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1' });
    expect((await settingsOf(`${topic}.dlq`))['retention.ms']).toBe('7776000000');
  });
});
