import type { Consumer, Kafka } from 'kafkajs';
import { performance } from 'node:perf_hooks';
import { bounded } from '../support/limits';

const JOINED_WITHIN_MS = 60_000;

/**
 * One consumer group of the run's own on the topics B6 reads (the same consumer settings for
 * ours and the baseline), recording when each message arrived by its `event-id` header, and
 * how often (a duplicate delivery would show).
 */
export class Arrivals {
  readonly at = new Map<string, number>();
  readonly times = new Map<string, number>();

  private constructor(private readonly consumer: Consumer, private readonly kafka: Kafka, readonly groupId: string) {}

  static async start(kafka: Kafka, groupId: string, topics: readonly string[]): Promise<Arrivals> {
    const consumer = kafka.consumer({ groupId });
    const arrivals = new Arrivals(consumer, kafka, groupId);
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const id = message.headers?.['event-id']?.toString();
        if (id === undefined) return;
        if (!arrivals.at.has(id)) arrivals.at.set(id, performance.now());
        arrivals.times.set(id, (arrivals.times.get(id) ?? 0) + 1);
      },
    });
    await bounded(joined, JOINED_WITHIN_MS, 'the B6 consumer joining its group');
    return arrivals;
  }

  /** How many of `ids` arrived, and how many arrived more than once. */
  countOf(ids: Iterable<string>): { arrived: number; twice: number } {
    let arrived = 0;
    let twice = 0;
    for (const id of ids) {
      const times = this.times.get(id) ?? 0;
      if (times > 0) arrived++;
      if (times > 1) twice++;
    }
    return { arrived, twice };
  }

  async close(): Promise<void> {
    await this.consumer.disconnect();
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.deleteGroups([this.groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
