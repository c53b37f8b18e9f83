import { appendFileSync } from 'node:fs';
import { loadConfig } from '@polku/config';
import { ALL_TOPICS } from '@polku/contracts';
import { createKafka, withAdmin, type KafkaLog } from '@polku/kafka';
import type { Admin, Consumer, EachMessagePayload } from 'kafkajs';
import { HOST, Ports } from '../layout';
import { logFile } from '../process';

/** The tap outlives broker kills: kafkajs restarts the consumer after its retries run out. */
const RESTART_AFTER_CRASH = true;

/** One topic as the tap saw it: for each CloudEvent id, every distinct (partition, offset) carrying it. */
export type TopicLog = Map<string, Set<string>>;

/** The tap's own kafkajs lines and its consumer's crashes and joins, for a run that went wrong. */
const TAP_LOG = logFile('kafka-tap');
const tapLog: KafkaLog = (level, message, extra) => appendFileSync(TAP_LOG, `${JSON.stringify({ at: new Date().toISOString(), level, message, ...extra })}\n`);

/**
 * Reads every project topic (the three audiences and their dead-letter topics) as the admin
 * principal, from where each partition stood when the run began, straight from the broker
 * (never through the F5 proxy). Records are keyed by (partition, offset), so the tap's own
 * re-reads after a rebalance or restart are not mistaken for duplicate deliveries: only the
 * same CloudEvent id at two offsets is one.
 */
export class KafkaTap {
  private readonly kafka = createKafka({ ...loadConfig().kafka, brokers: [`${HOST}:${Ports.kafka}`], clientId: 'polku-chaos-tap' }, tapLog);
  private consumer: Consumer | undefined;
  private readonly logs = new Map<string, TopicLog>(ALL_TOPICS.map((topic) => [topic, new Map()]));

  /**
   * The run's start offsets are committed for the tap's group before it first joins, so a
   * restart after a crash goes on from them (or from what it read since), never from offset 0
   * of topics that keep their whole history.
   */
  async start(runId: string): Promise<void> {
    const groupId = `polku-chaos-tap-${runId}`;
    await withAdmin(this.kafka, async (admin) => {
      const starts = await this.startOffsets(admin);
      for (const [topic, partitions] of starts) await admin.setOffsets({ groupId, topic, partitions });
    });
    const consumer = this.kafka.consumer({ groupId, retry: { retries: 10, restartOnFailure: async () => RESTART_AFTER_CRASH } });
    consumer.on(consumer.events.CRASH, ({ payload }) => tapLog('warn', 'tap consumer crashed', { error: payload.error.message, restart: payload.restart }));
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => tapLog('info', 'tap consumer joined its group', { duration: payload.duration }));
    await consumer.connect();
    await consumer.subscribe({ topics: [...ALL_TOPICS], fromBeginning: true });
    await consumer.run({ eachMessage: async (payload) => this.record(payload) });
    this.consumer = consumer;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
  }

  /** Topic → CloudEvent id → distinct offsets; the live maps, read-only by convention. */
  topic(topic: string): TopicLog {
    return this.logs.get(topic) ?? new Map();
  }

  private async startOffsets(admin: Admin): Promise<Map<string, { partition: number; offset: string }[]>> {
    const entries = await Promise.all(ALL_TOPICS.map(async (topic) => [topic, (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ partition, offset: high }))] as const));
    return new Map(entries);
  }

  private record({ topic, partition, message }: EachMessagePayload): void {
    const header = message.headers?.['event-id'];
    const id = header?.toString() ?? idOf(message.value);
    if (!id) return;
    const log = this.logs.get(topic);
    if (!log) return;
    const offsets = log.get(id) ?? new Set<string>();
    offsets.add(`${partition}:${message.offset}`);
    log.set(id, offsets);
  }
}

/** A dead letter or CloudEvent value's id, when the header is missing. */
function idOf(value: Buffer | null): string | undefined {
  try {
    const parsed = JSON.parse(value?.toString() ?? '') as { id?: unknown; eventId?: unknown };
    const id = parsed.id ?? parsed.eventId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
