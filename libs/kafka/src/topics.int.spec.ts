import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { createKafka } from './client';
import { ensureTopics } from './topics';

describe('ensureTopics on the real broker', () => {
  const kafka = createKafka(loadConfig().kafka);
  const topic = `polku.test.${randomUUID()}`;

  afterAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('creates a missing topic with its partitions, and leaves it alone the second time', async () => {
    const spec = { topic, numPartitions: 3, replicationFactor: 1 };
    expect(await ensureTopics(kafka, [spec])).toEqual([topic]);
    expect(await ensureTopics(kafka, [spec])).toEqual([]);

    const admin = kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(topics[0]?.partitions).toHaveLength(3);
    } finally {
      await admin.disconnect();
    }
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
