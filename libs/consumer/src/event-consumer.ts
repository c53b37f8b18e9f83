import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { deadLetterOfConsumedRecord } from './dead-letter';
import { applyRecord, type EventHandler, type ReadModelTarget } from './record-handler';
import { assertIdentifier } from './schema-pool';

/** Matches the topics' partition count (DEFAULT_PARTITIONS) and the schema pool's size. */
export const PARALLEL_PARTITIONS = 6;

export interface ConsumerLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface ConsumerSpec {
  readonly kafka: Kafka;
  /** Must start with the principal's ACL prefix (`polku-municipal-consumer`, …). */
  readonly groupId: string;
  readonly topic: string;
  readonly deadLetterTopic: string;
  /** The consumer's own PostgreSQL schema, holding `processed_events` and the read model. */
  readonly schema: string;
  /** A pool whose search_path is `schema` (createSchemaPool). */
  readonly pool: Pool;
  readonly handle: EventHandler;
  readonly log: ConsumerLog;
}

export interface ConsumerStatus {
  readonly running: boolean;
  readonly groupId: string;
  readonly applied: number;
  readonly duplicates: number;
  readonly deadLettered: number;
  /** Per partition, the next offset this process will read (what it has handled so far). */
  readonly positions: Readonly<Record<number, number>>;
}

export type RecordSource = Pick<EachMessagePayload, 'topic' | 'partition' | 'message'>;

/**
 * A kafkajs consumer that applies each event once: the event id goes into processed_events in
 * the same transaction as the read-model change, and the offset is committed only after it.
 */
export class EventConsumer {
  private consumer: Consumer | undefined;
  private readonly producer: Producer;
  private running = false;
  private counts = { applied: 0, duplicates: 0, deadLettered: 0 };
  private readonly positions = new Map<number, number>();

  constructor(private readonly spec: ConsumerSpec) {
    assertIdentifier(spec.schema);
    // Not idempotent: the consumer principals hold no IDEMPOTENT_WRITE; a duplicate dead letter is harmless.
    this.producer = spec.kafka.producer({ allowAutoTopicCreation: false });
  }

  async start(): Promise<void> {
    const consumer = this.spec.kafka.consumer({ groupId: this.spec.groupId, allowAutoTopicCreation: false });
    consumer.on(consumer.events.GROUP_JOIN, () => (this.running = true));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.running = false;
      this.spec.log.error({ groupId: this.spec.groupId, restart: payload.restart, error: payload.error.name }, 'consumer crashed');
    });
    consumer.on(consumer.events.STOP, () => (this.running = false));
    await this.producer.connect();
    await consumer.connect();
    // A new group reads the whole topic: the read model is built from the beginning.
    await consumer.subscribe({ topic: this.spec.topic, fromBeginning: true });
    // Partitions in parallel (each still in order): one transaction per event is the bottleneck.
    await consumer.run({ partitionsConsumedConcurrently: PARALLEL_PARTITIONS, eachMessage: (payload) => this.onMessage(payload) });
    this.consumer = consumer;
  }

  /** Leaves the group once the message in hand is done: nothing is applied after this resolves. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    this.running = false;
    await consumer?.disconnect();
  }

  async close(): Promise<void> {
    await this.stop();
    await this.producer.disconnect();
  }

  status(): ConsumerStatus {
    const positions = Object.fromEntries(this.positions);
    return { running: this.running, groupId: this.spec.groupId, ...this.counts, positions };
  }

  /** Whether this process has already handled (applied, skipped or parked) that record. */
  hasHandled(partition: number, offset: number): boolean {
    return (this.positions.get(partition) ?? 0) > offset;
  }

  /** Parks a record on the dead-letter topic with the reason, as this consumer's group. */
  async deadLetter(source: RecordSource, reason: string): Promise<void> {
    const letter = deadLetterOfConsumedRecord({ ...source, groupId: this.spec.groupId }, reason);
    await this.producer.send({ topic: this.spec.deadLetterTopic, acks: -1, messages: [letter] });
    this.counts.deadLettered += 1;
    this.spec.log.warn({ partition: source.partition, offset: source.message.offset, reason }, 'record dead-lettered');
  }

  private async onMessage({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const target: ReadModelTarget = this.spec;
    // A transient failure is thrown on: kafkajs retries the message and, past its retries, restarts the consumer.
    const outcome = await applyRecord(target, message.value);
    const fields = { eventId: outcome.event?.id, type: outcome.event?.name, partition, offset: message.offset };
    if (outcome.kind === 'refused') {
      if (outcome.event !== undefined) this.spec.log.error({ ...fields, failure: outcome.reason }, 'event could not be applied');
      await this.deadLetter({ topic, partition, message }, outcome.reason);
    } else {
      this.counts[outcome.kind === 'applied' ? 'applied' : 'duplicates'] += 1;
      if (outcome.kind === 'duplicate') this.spec.log.info(fields, 'duplicate event skipped');
    }
    this.positions.set(partition, Number(message.offset) + 1);
  }
}
