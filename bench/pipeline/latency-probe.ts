import { randomUUID } from 'node:crypto';
import { kafkaFor, type PolkuConfig } from '@polku/config';
import { Topics } from '@polku/contracts';
import { appendToStream } from '@polku/event-store';
import { createKafka } from '@polku/kafka';
import type { Consumer, Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { nowMs, until } from './measure';
import { pathStartEvents } from '@polku/testing';

const SAMPLE_TIMEOUT_MS = 10_000;

/** Measures one message at a time, so each sample is a latency, not a queueing delay. */
export class LatencyProbe {
  private readonly consumers: Consumer[] = [];

  constructor(private readonly config: PolkuConfig, private readonly admin: Kafka) {}

  /** From the append's commit to the relay's CloudEvent reaching a consumer of the events topic. */
  async commitToConsume(pool: Pool, run: string, samples: number, deadlineMs: number): Promise<number[]> {
    const arrivals = await this.listen(Topics.events);
    const latencies: number[] = [];
    for (let i = 0; i < samples && Date.now() < deadlineMs; i += 1) {
      const pathId = `bench-${run}-lat-${i}`;
      await appendToStream(pool, pathId, 0, pathStartEvents(pathId, 100_000 + i));
      const committed = nowMs();
      if (await until(async () => arrivals.has(pathId), Math.min(deadlineMs, Date.now() + SAMPLE_TIMEOUT_MS), 1)) latencies.push((arrivals.get(pathId) as number) - committed);
    }
    return latencies;
  }

  /** From a raw send (relay settings) to the same consumer setup receiving it. */
  async produceToConsume(topic: string, samples: number, deadlineMs: number): Promise<number[]> {
    const arrivals = await this.listen(topic);
    const producer = createKafka(kafkaFor(this.config, 'admin')).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const latencies: number[] = [];
    for (let i = 0; i < samples && Date.now() < deadlineMs; i += 1) {
      const key = `raw-lat-${randomUUID()}`;
      const sent = nowMs();
      await producer.send({ topic, acks: -1, messages: [{ key, value: JSON.stringify({ id: key, padding: 'x'.repeat(400) }) }] });
      if (await until(async () => arrivals.has(key), Math.min(deadlineMs, Date.now() + SAMPLE_TIMEOUT_MS), 1)) latencies.push((arrivals.get(key) as number) - sent);
    }
    await producer.disconnect();
    return latencies;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.consumers.map((consumer) => consumer.disconnect()));
  }

  /** A fresh consumer group that records when each key arrives; resolves once it is assigned. */
  private async listen(topic: string): Promise<Map<string, number>> {
    const arrivals = new Map<string, number>();
    const consumer = this.admin.consumer({ groupId: `polku-bench-${randomUUID()}`, maxWaitTimeInMs: 10 });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    await consumer.run({ eachMessage: async ({ message }) => void arrivals.set(message.key?.toString() ?? '', nowMs()) });
    await until(async () => (await consumer.describeGroup()).state === 'Stable', Date.now() + 30_000, 100);
    return arrivals;
  }
}
