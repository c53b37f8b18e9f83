import { randomUUID } from 'node:crypto';
import { kafkaFor } from '@polku/config';
import { CLOUD_EVENT_SOURCE, cloudEventType, dataSchemaUri, type IntegrationEventName } from '@polku/contracts';
import { createKafka } from '@polku/kafka';
import type { IHeaders, Kafka } from 'kafkajs';
import { eventually } from '@polku/testing';
import type { ConsumerLog, EventConsumer } from '../event-consumer';
import { config } from './config';

export { config } from './config';
export { startConsumerHttp, type ConsumerHttp } from './http';
export { startReadTestApp, type ReadTestApp } from './read-app';
export { countSeen, HandlerGate, SEEN_MIGRATIONS } from './seen-read-model';
export { createThrowawayTopic, type ThrowawayTopic } from './throwaway-topic';

/** A schema and a consumer group of one test file's own, so tests never share a read model. */
export function testNames(prefix: 'municipal' | 'wellbeing'): { schema: string; groupId: string } {
  const id = randomUUID().replace(/-/g, '').slice(0, 12);
  return { schema: `${prefix}_t_${id}`, groupId: `polku-${prefix}-consumer-test-${id}` };
}

export const silentLog: ConsumerLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A v1 CloudEvent as the relay would publish it. */
export function cloudEvent<D extends object>(name: IntegrationEventName, audience: 'municipal' | 'wellbeing', pathId: string, sequence: number, data: D) {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: CLOUD_EVENT_SOURCE,
    type: cloudEventType(name, 1),
    subject: pathId,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: dataSchemaUri(name, 1),
    correlationid: randomUUID(),
    causationid: randomUUID(),
    audience,
    sequence: String(sequence).padStart(10, '0'),
    data: { pathId, ...data },
  };
}

/** Produces raw values onto an audience topic as the relay (the only principal allowed to). */
export async function produceAsRelay(topic: string, messages: readonly { key: string; value: string }[]): Promise<void> {
  const producer = createKafka(kafkaFor(config, 'relay')).producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: messages.map((message) => ({ ...message })) });
  } finally {
    await producer.disconnect();
  }
}

export interface ReadRecord {
  readonly key: string | undefined;
  readonly value: string | undefined;
  readonly headers: Record<string, string>;
}

/** Reads a topic from the beginning as the admin until `until` finds what it wants, or times out. */
export async function readTopicUntil(topic: string, until: (records: readonly ReadRecord[]) => boolean, timeoutMs = 30_000): Promise<ReadRecord[]> {
  const kafka: Kafka = createKafka(config.kafka);
  const consumer = kafka.consumer({ groupId: `polku-test-reader-${randomUUID()}` });
  const records: ReadRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out reading ${topic}`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          records.push({ key: message.key?.toString(), value: message.value?.toString(), headers: headersOf(message.headers) });
          if (until(records)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    return records;
  } finally {
    await consumer.disconnect();
  }
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));
}

/**
 * Waits until a consumer that started from offset 0 has read everything the topic held when
 * this was called, so a test's own events are not stuck behind the whole history.
 */
export async function caughtUp(consumer: EventConsumer, topic: string, timeoutMs = 120_000): Promise<void> {
  const admin = createKafka(config.kafka).admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  await eventually(
    async () => {
      const { positions } = consumer.status();
      return ends.every(({ partition, high }) => (positions[partition] ?? 0) >= Number(high)) ? true : undefined;
    },
    { timeoutMs, intervalMs: 250, what: `the consumer to catch up on ${topic}` },
  );
}
