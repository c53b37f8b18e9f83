import { randomUUID } from 'node:crypto';
import { CONSUMER_GROUP_PREFIXES, withAdmin } from '@polku/kafka';
import type { Kafka } from 'kafkajs';
import type { DeadLetterRecord } from './dead-letter-record';

/** A DLQ holds few records; this long without reaching its end means something is wrong. */
export const READ_TIMEOUT_MS = 60_000;

/**
 * Reads a topic from its beginning up to its end as it was when the read started, then stops:
 * records parked meanwhile wait for the next run. A fresh consumer group each run (the relay's
 * ACL prefix) starts at the beginning; nothing is committed, so the group leaves no offsets.
 */
export async function readToEnd(kafka: Kafka, topic: string, timeoutMs = READ_TIMEOUT_MS): Promise<DeadLetterRecord[]> {
  const ends = await endsOf(kafka, topic);
  if (ends.size === 0) return [];
  const consumer = kafka.consumer({ groupId: `${CONSUMER_GROUP_PREFIXES.relay}-${randomUUID()}`, allowAutoTopicCreation: false });
  const records: DeadLetterRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${topic} was not read to its end within ${timeoutMs} ms`)), timeoutMs);
      const finish = (error?: Error): void => (clearTimeout(timer), error ? reject(error) : resolve());
      consumer.on(consumer.events.CRASH, ({ payload }) => finish(payload.error));
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const end = ends.get(partition);
          if (end === undefined || Number(message.offset) >= end) return; // parked after the read began
          records.push({ topic, partition, offset: message.offset, timestamp: message.timestamp, key: message.key, value: message.value, headers: message.headers ?? {} });
          if (Number(message.offset) + 1 >= end) ends.delete(partition);
          if (ends.size === 0) finish();
        },
      }).catch(finish);
    });
  } finally {
    await consumer.disconnect();
  }
  return records.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

/** The end offset of every partition that holds records (the DLQs are not compacted: offsets run without gaps). */
function endsOf(kafka: Kafka, topic: string): Promise<Map<number, number>> {
  return withAdmin(kafka, async (admin) => {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.filter(({ low, high }) => Number(high) > Number(low)).map(({ partition, high }) => [partition, Number(high)]));
  });
}
