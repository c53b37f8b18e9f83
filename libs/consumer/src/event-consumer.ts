import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import { inTransaction } from '@polku/event-store';
import type { Pool, PoolClient } from 'pg';
import { deadLetterOf } from './dead-letter';
import { parseIntegrationEvent, type IntegrationEvent } from './integration-event';
import { RebuildProgress, type RebuildStatus } from './rebuild-progress';
import { assertIdentifier } from './schema-pool';
import { failureCode, isTransient } from './transient';

/** Matches the topics' partition count (DEFAULT_PARTITIONS) and the schema pool's size. */
const PARALLEL_PARTITIONS = 6;

export interface ConsumerLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Applies one new event to the read model inside the dedupe transaction; throws only on failure. */
export type EventHandler = (event: IntegrationEvent, db: PoolClient) => Promise<void>;

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
  /** The read model's tables, emptied by a rebuild. */
  readonly readModelTables: readonly string[];
  readonly log: ConsumerLog;
}

export class RebuildInProgressError extends Error {
  override readonly name = 'RebuildInProgressError';
}

export interface ConsumerStatus {
  readonly running: boolean;
  readonly groupId: string;
  readonly applied: number;
  readonly duplicates: number;
  readonly deadLettered: number;
  /** Per partition, the next offset this process will read (what it has handled so far). */
  readonly positions: Readonly<Record<number, number>>;
  readonly rebuild: RebuildStatus | undefined;
}

/**
 * A kafkajs consumer that applies each event once: the event id goes into processed_events in
 * the same transaction as the read-model change, and the offset is committed only after it.
 */
export class EventConsumer {
  private consumer: Consumer | undefined;
  private readonly producer: Producer;
  private running = false;
  private counts = { applied: 0, duplicates: 0, deadLettered: 0 };
  private readonly progress = new RebuildProgress();
  private positions = new Map<number, number>();

  constructor(private readonly spec: ConsumerSpec) {
    assertIdentifier(spec.schema);
    spec.readModelTables.forEach(assertIdentifier);
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

  /**
   * Empties the read model and reads the topic again from offset 0. Resolves once the rebuild
   * has started; `status().rebuild` shows how far it got. Needs the group to be empty, so it
   * works with one replica per group (the offset reset is refused while other members are in).
   */
  async rebuild(): Promise<void> {
    if (this.progress.active) throw new RebuildInProgressError('A rebuild is already running');
    this.progress.begin();
    try {
      await this.stop();
      await this.truncate();
      await this.resetOffsets();
      this.counts = { applied: 0, duplicates: 0, deadLettered: 0 };
      this.positions = new Map();
      await this.start();
    } catch (error) {
      this.progress.fail(error as Error);
      throw error;
    }
  }

  status(): ConsumerStatus {
    const positions = Object.fromEntries(this.positions);
    return { running: this.running, groupId: this.spec.groupId, ...this.counts, positions, rebuild: this.progress.status() };
  }

  private async truncate(): Promise<void> {
    const tables = [...this.spec.readModelTables, 'processed_events'].map((table) => `${this.spec.schema}.${table}`);
    await this.spec.pool.query(`TRUNCATE ${tables.join(', ')}`);
  }

  private async resetOffsets(): Promise<void> {
    const admin = this.spec.kafka.admin();
    await admin.connect();
    try {
      await admin.resetOffsets({ groupId: this.spec.groupId, topic: this.spec.topic, earliest: true });
      const ends = await admin.fetchTopicOffsets(this.spec.topic);
      this.progress.target(ends.map(({ partition, high }) => ({ partition, high: Number(high) })));
    } finally {
      await admin.disconnect();
    }
  }

  private async onMessage({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const parsed = parseIntegrationEvent(message.value);
    if (!parsed.ok) {
      await this.deadLetter({ topic, partition, message }, `${parsed.poison.code}: ${parsed.poison.detail}`);
    } else {
      await this.applyOnce(parsed.event, { topic, partition, message });
    }
    this.positions.set(partition, Number(message.offset) + 1);
    this.progress.reached(partition, Number(message.offset));
  }

  private async applyOnce(event: IntegrationEvent, source: Pick<EachMessagePayload, 'topic' | 'partition' | 'message'>): Promise<void> {
    const fields = { eventId: event.id, type: event.name, partition: source.partition, offset: source.message.offset };
    try {
      const applied = await this.transaction(event);
      this.counts[applied ? 'applied' : 'duplicates'] += 1;
      if (!applied) this.spec.log.info(fields, 'duplicate event skipped');
    } catch (error) {
      // Rethrown: kafkajs retries the same message and, past its retries, restarts the consumer.
      if (isTransient(error)) throw error;
      this.spec.log.error({ ...fields, failure: failureCode(error) }, 'event could not be applied');
      await this.deadLetter(source, failureCode(error));
    }
  }

  /** True when the event was new and applied; false for a duplicate. */
  private async transaction(event: IntegrationEvent): Promise<boolean> {
    return inTransaction(this.spec.pool, async (db) => {
      const inserted = await db.query(`INSERT INTO ${this.spec.schema}.processed_events (event_id) VALUES ($1) ON CONFLICT DO NOTHING`, [event.id]);
      if (inserted.rowCount === 1) await this.spec.handle(event, db);
      return inserted.rowCount === 1;
    });
  }

  private async deadLetter(source: Pick<EachMessagePayload, 'topic' | 'partition' | 'message'>, reason: string): Promise<void> {
    const letter = deadLetterOf({ ...source, groupId: this.spec.groupId }, reason);
    await this.producer.send({ topic: this.spec.deadLetterTopic, acks: -1, messages: [letter] });
    this.counts.deadLettered += 1;
    this.spec.log.warn({ partition: source.partition, offset: source.message.offset, reason }, 'record dead-lettered');
  }
}

export function runConsumer(spec: ConsumerSpec): Promise<EventConsumer> {
  const consumer = new EventConsumer(spec);
  return consumer.start().then(() => consumer);
}
