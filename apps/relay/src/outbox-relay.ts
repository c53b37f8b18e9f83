import type { RecordedEvent } from '@polku/event-store';
import { OUTBOX_CHANNEL } from '@polku/event-store';
import type { Producer, TopicMessages } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import type { OutboxRepository, OutboxRow } from './outbox.repository';
import type { PathState } from '@polku/domain';
import type { PathStates } from './path-states';

export interface OutgoingMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

export type Translate = (event: RecordedEvent, after: PathState) => readonly OutgoingMessage[];

/** Where an event goes that cannot be folded or translated: parked with the reason, never blocking. */
export type DeadLetter = (event: RecordedEvent, error: Error) => OutgoingMessage;

export interface RelayLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface RelaySettings {
  readonly batchSize: number;
  /** Fallback poll when no NOTIFY arrives (lost connection, another writer). */
  readonly pollMs: number;
  readonly maxBackoffMs: number;
}

// Every relay replica takes this lock; only its holder publishes, which keeps each path's
// events in order on the topics. The others wait and take over when the holder dies.
const LEADER_LOCK = 7_304_151_221;

/**
 * Publishes outbox rows to Kafka. A row is marked sent only after the broker acknowledged all
 * its messages, so a crash re-publishes (at least once) and never loses; consumers dedupe.
 */
export class OutboxRelay {
  private stopping = false;
  private wake: (() => void) | undefined;
  private stopWake: (() => void) | undefined;
  private listener: PoolClient | undefined;
  private backoffMs = 0;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly outbox: Pick<OutboxRepository, 'unsent' | 'markSent'>,
    private readonly states: Pick<PathStates, 'after'>,
    private readonly producer: Pick<Producer, 'sendBatch'>,
    private readonly translate: Translate,
    private readonly deadLetter: DeadLetter,
    private readonly settings: RelaySettings,
    private readonly log: RelayLog,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stopWake?.();
    await this.loop;
    this.listener?.release(true);
  }

  /** Publishes one batch; returns how many rows it sent. */
  async publishBatch(): Promise<number> {
    const rows = await this.outbox.unsent(this.settings.batchSize);
    if (rows.length === 0) return 0;
    const messages = await this.messagesOf(rows);
    if (messages.length > 0) await this.producer.sendBatch({ topicMessages: byTopic(messages), acks: -1 });
    await this.outbox.markSent(rows.map((row) => row.outboxId));
    return rows.length;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!(await this.lead())) {
          await this.idle(this.settings.pollMs, false);
          continue;
        }
        const sent = await this.publishBatch();
        this.backoffMs = 0;
        if (sent === 0) await this.idle(this.settings.pollMs, true);
      } catch (error) {
        this.backoffMs = Math.min(this.settings.maxBackoffMs, Math.max(200, this.backoffMs * 2));
        this.log.warn({ err: { name: (error as Error).name, message: (error as Error).message }, retryInMs: this.backoffMs }, 'relay batch failed; backing off');
        await this.idle(this.backoffMs, false);
      }
    }
  }

  private async messagesOf(rows: readonly OutboxRow[]): Promise<OutgoingMessage[]> {
    const messages: OutgoingMessage[] = [];
    for (const row of rows) {
      try {
        messages.push(...this.translate(row.event, await this.states.after(row.event)));
      } catch (error) {
        if (isDatabaseError(error)) throw error; // transient: retry the batch
        this.log.warn({ eventId: row.event.eventId, type: row.event.type, err: { name: (error as Error).name } }, 'event parked on the dead-letter topic');
        messages.push(this.deadLetter(row.event, error as Error));
      }
    }
    return messages;
  }

  /** Takes (or keeps) leadership on a dedicated connection that also LISTENs for new rows. */
  private async lead(): Promise<boolean> {
    if (this.listener) return true;
    const client = await this.pool.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LEADER_LOCK]);
    if (!rows[0]?.locked) {
      client.release();
      return false;
    }
    client.on('notification', () => this.wake?.());
    client.on('error', () => this.dropListener(client));
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.listener = client;
    this.log.info({}, 'relay is the leader');
    return true;
  }

  private dropListener(client: PoolClient): void {
    if (this.listener === client) this.listener = undefined;
    client.release(true);
  }

  /** Waits `ms`; a NOTIFY cuts the wait short only when `wakeable` (never a backoff). Stop always does. */
  private idle(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        this.stopWake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = wakeable ? done : undefined;
      this.stopWake = done;
    });
  }
}

function byTopic(messages: readonly OutgoingMessage[]): TopicMessages[] {
  const topics = new Map<string, TopicMessages>();
  for (const message of messages) {
    const entry = topics.get(message.topic) ?? { topic: message.topic, messages: [] };
    entry.messages.push({ key: message.key, value: message.value, headers: { ...message.headers } });
    topics.set(message.topic, entry);
  }
  return [...topics.values()];
}

function isDatabaseError(error: unknown): boolean {
  return typeof (error as { code?: unknown }).code === 'string' || (error as Error).message?.includes('Connection terminated') === true;
}
