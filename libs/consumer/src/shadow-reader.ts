import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { PARALLEL_PARTITIONS } from './event-consumer';
import { RebuildError } from './rebuild-error';
import type { PartitionEnd } from './topic-history';

export interface ShadowReaderSpec {
  readonly kafka: Kafka;
  /** A group of its own (under the principal's ACL prefix): the live group's offsets are not touched. */
  readonly groupId: string;
  readonly topic: string;
  /** Applies one record to the shadow tables; a throw stops the reader and fails the rebuild. */
  apply(partition: number, message: KafkaMessage): Promise<void>;
}

export interface PartitionProgress {
  readonly partition: number;
  readonly end: number;
  readonly next: number;
}

/**
 * Reads a topic from offset 0 up to, never past, the end offsets it is given: a record at or
 * beyond its partition's end is left unresolved and the partition paused, so kafkajs fetches it
 * again once `extendTo` moves the end. The rebuild therefore knows exactly which records the
 * shadow tables hold when it swaps them in: every one below the ends, none at or after them.
 */
export class ShadowReader {
  private consumer: Consumer | undefined;
  private readonly ends = new Map<number, number>();
  private readonly nexts = new Map<number, number>();
  private failure: unknown;

  constructor(private readonly spec: ShadowReaderSpec) {}

  async start(ends: readonly PartitionEnd[]): Promise<void> {
    this.setEnds(ends);
    const consumer = this.spec.kafka.consumer({ groupId: this.spec.groupId, allowAutoTopicCreation: false });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.failure ??= payload.error;
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic: this.spec.topic, fromBeginning: true });
    await consumer.run({ eachBatchAutoResolve: false, partitionsConsumedConcurrently: PARALLEL_PARTITIONS, eachBatch: (payload) => this.onBatch(payload) });
  }

  /** Reads on to these (later) end offsets. */
  extendTo(ends: readonly PartitionEnd[]): void {
    this.setEnds(ends);
    this.consumer?.resume([{ topic: this.spec.topic, partitions: ends.map(({ partition }) => partition) }]);
  }

  /** Every partition read up to its end. */
  get caughtUp(): boolean {
    return [...this.ends].every(([partition, end]) => (this.nexts.get(partition) ?? 0) >= end);
  }

  /** Why reading stopped, if it did. */
  get failed(): unknown {
    return this.failure;
  }

  progress(): PartitionProgress[] {
    return [...this.ends].sort(([a], [b]) => a - b).map(([partition, end]) => ({ partition, end, next: this.nexts.get(partition) ?? 0 }));
  }

  async close(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.disconnect();
  }

  private setEnds(ends: readonly PartitionEnd[]): void {
    for (const { partition, end } of ends) this.ends.set(partition, end);
  }

  private async onBatch({ batch, resolveOffset, heartbeat, pause, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { partition } = batch;
    for (const message of batch.messages) {
      if (!isRunning() || isStale() || this.failure !== undefined) return;
      const offset = Number(message.offset);
      if (offset >= (this.ends.get(partition) ?? 0)) {
        pause();
        return;
      }
      // Below `next`: already applied, fetched again after a rebalance (the shadow dedupes too).
      if (offset >= (this.nexts.get(partition) ?? 0)) {
        if (!(await this.applied(partition, message))) {
          pause();
          return;
        }
        this.nexts.set(partition, offset + 1);
      }
      resolveOffset(message.offset);
      await heartbeat();
    }
  }

  private async applied(partition: number, message: KafkaMessage): Promise<boolean> {
    // The first record read must be offset 0: kafkajs silently starts at the log's new beginning
    // when retention deleted the start of the partition after the rebuild began.
    if (!this.nexts.has(partition) && Number(message.offset) > 0) {
      this.failure = new RebuildError('REBUILD.HISTORY_INCOMPLETE', `Partition ${partition} of ${this.spec.topic} lost its first records while the rebuild read it; nothing was changed.`);
      return false;
    }
    try {
      await this.spec.apply(partition, message);
      return true;
    } catch (error) {
      this.failure = error;
      return false;
    }
  }
}
