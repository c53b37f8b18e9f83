import { randomUUID } from 'node:crypto';
import { createKafka, withAdmin } from '@polku/kafka';
import { config } from './config';

/** A topic and its `.dlq` of one test's own, on the real broker (the admin principal may use any). */
export interface ThrowawayTopic {
  readonly topic: string;
  readonly deadLetterTopic: string;
  produce(messages: readonly { key: string; value: string }[]): Promise<void>;
  /** Deletes the records before `offset` in a partition, as retention would. */
  deleteBefore(partition: number, offset: number): Promise<void>;
  ends(): Promise<{ partition: number; low: number; high: number }[]>;
  remove(): Promise<void>;
}

export async function createThrowawayTopic(partitions = 3): Promise<ThrowawayTopic> {
  const kafka = createKafka(config.kafka);
  const topic = `polku.test.rebuild.${randomUUID()}`;
  const deadLetterTopic = `${topic}.dlq`;
  await withAdmin(kafka, (admin) => admin.createTopics({ waitForLeaders: true, topics: [topic, deadLetterTopic].map((name) => ({ topic: name, numPartitions: partitions, replicationFactor: 1 })) }));
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return {
    topic,
    deadLetterTopic,
    produce: async (messages) => void (await producer.send({ topic, acks: -1, messages: messages.map((message) => ({ ...message })) })),
    deleteBefore: (partition, offset) =>
      withAdmin(kafka, async (admin) => {
        await admin.fetchTopicMetadata({ topics: [topic] }); // deleteTopicRecords finds the leader in loaded metadata only
        await admin.deleteTopicRecords({ topic, partitions: [{ partition, offset: String(offset) }] });
      }),
    ends: () => withAdmin(kafka, async (admin) => (await admin.fetchTopicOffsets(topic)).map(({ partition, low, high }) => ({ partition, low: Number(low), high: Number(high) }))),
    remove: async () => {
      await producer.disconnect();
      await withAdmin(kafka, (admin) => admin.deleteTopics({ topics: [topic, deadLetterTopic] })).catch(() => undefined);
    },
  };
}
