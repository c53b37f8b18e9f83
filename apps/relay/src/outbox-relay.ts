import type { PathState } from '@polku/domain';
import type { RecordedEvent } from '@polku/event-store';
import type { Producer, TopicMessages } from 'kafkajs';
import { Leadership, type LeadershipSettings, type MonotonicClock } from './leadership';
import type { LeaseStore } from './lease.repository';
import type { OutboxListener } from './outbox-listener';
import type { OutboxRepository, OutboxRow, SentRow } from './outbox.repository';
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

/** How long a lease lasts unless renewed: a paused or cut-off leader publishes at most this long. */
export const DEFAULT_LEASE_MS = 6_000;

/** Every replica publishing one database's outbox competes for this one lease. */
export const RELAY_LEASE = 'outbox-relay';

export interface RelaySettings {
  readonly batchSize: number;
  /** Fallback poll when no NOTIFY arrives (lost connection, another writer). */
  readonly pollMs: number;
  readonly maxBackoffMs: number;
  /** The lease's name, this replica's holder id and the lease length (DEFAULT_LEASE_MS). */
  readonly lease: LeadershipSettings;
}

export interface RelayParts {
  readonly outbox: Pick<OutboxRepository, 'unsent' | 'markSent' | 'recordFailure'>;
  readonly states: Pick<PathStates, 'after'>;
  readonly producer: Pick<Producer, 'sendBatch'>;
  readonly translate: Translate;
  readonly deadLetter: DeadLetter;
  readonly leases: LeaseStore;
  /** Absent in tests that drive the relay step by step. */
  readonly listener?: OutboxListener;
  /** Monotonic; tests pass one they move by hand. */
  readonly clock?: MonotonicClock;
}

// Fewer than this between a failed batch and the next would hammer a broker that is down.
const MIN_BACKOFF_MS = 200;

/**
 * Publishes outbox rows to Kafka while this replica holds the relay lease. A row is marked
 * sent only after the broker acknowledged all its messages and only under the current lease
 * (fenced), so a crash re-publishes (at least once), never loses, and a paused ex-leader cannot
 * mark what its successor publishes; consumers dedupe by event id.
 */
export class OutboxRelay {
  private stopping = false;
  private wake: (() => void) | undefined;
  private stopWake: (() => void) | undefined;
  private backoffMs = 0;
  private loop: Promise<void> | undefined;
  /** Whether this replica may publish; `status()` is what /health shows. */
  readonly leadership: Leadership;

  constructor(
    private readonly parts: RelayParts,
    private readonly settings: RelaySettings,
    private readonly log: RelayLog,
  ) {
    this.leadership = new Leadership(parts.leases, settings.lease, log, parts.clock);
    this.leadership.onLead(() => this.wake?.());
    parts.listener?.onNotify(() => this.wake?.());
  }

  start(): void {
    this.leadership.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stopWake?.();
    await this.loop;
    await this.leadership.stop();
    this.parts.listener?.close();
  }

  /** Publishes one batch if this replica leads; returns how many rows it sent. */
  async publishBatch(): Promise<number> {
    const fence = this.leadership.current();
    if (!fence) return 0;
    const rows = await this.parts.outbox.unsent(this.settings.batchSize);
    if (rows.length === 0) return 0;
    const { messages, sent } = await this.messagesOf(rows);
    // Asked again right before sending: folding took time, and a pause (GC, SIGSTOP) since the
    // first check may have let the lease run out and a standby take over.
    if (this.leadership.current()?.epoch !== fence.epoch) return 0;
    await this.send(messages, rows);
    if ((await this.parts.outbox.markSent(sent, fence)) < rows.length) {
      this.leadership.lose('outbox refused the mark: another relay holds the lease');
      return 0;
    }
    return rows.length;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.parts.listener?.ensure();
        const sent = await this.publishBatch();
        this.backoffMs = 0;
        if (sent === 0) await this.idle(this.settings.pollMs, true);
      } catch (error) {
        this.backoffMs = Math.min(this.settings.maxBackoffMs, Math.max(MIN_BACKOFF_MS, this.backoffMs * 2));
        this.log.warn({ err: reasonOf(error), retryInMs: this.backoffMs }, 'relay batch failed; backing off');
        await this.idle(this.backoffMs, false);
      }
    }
  }

  /** Sends the batch; a broker failure is counted on every row of it, then rethrown (the batch goes again). */
  private async send(messages: readonly OutgoingMessage[], rows: readonly OutboxRow[]): Promise<void> {
    if (messages.length === 0) return;
    try {
      await this.parts.producer.sendBatch({ topicMessages: byTopic(messages), acks: -1 });
    } catch (error) {
      const ids = rows.map((row) => row.outboxId);
      await this.parts.outbox.recordFailure(ids, reasonOf(error)).catch((recordError: unknown) => {
        this.log.warn({ err: reasonOf(recordError) }, 'could not record the failed attempt');
      });
      throw error;
    }
  }

  private async messagesOf(rows: readonly OutboxRow[]): Promise<{ messages: OutgoingMessage[]; sent: SentRow[] }> {
    const messages: OutgoingMessage[] = [];
    const sent: SentRow[] = [];
    for (const row of rows) {
      try {
        messages.push(...this.parts.translate(row.event, await this.parts.states.after(row.event)));
        sent.push({ outboxId: row.outboxId });
      } catch (error) {
        if (isDatabaseError(error)) throw error; // transient: retry the batch
        this.log.warn({ eventId: row.event.eventId, type: row.event.type, err: { name: (error as Error).name } }, 'event parked on the dead-letter topic');
        messages.push(this.parts.deadLetter(row.event, error as Error));
        sent.push({ outboxId: row.outboxId, parkedReason: reasonOf(error) });
      }
    }
    return { messages, sent };
  }

  /** Waits `ms`; a NOTIFY (or taking the lease) cuts the wait short only when `wakeable` (never a backoff). Stop always does. */
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

/** Error class and message only: broker and translator errors carry no record content. */
function reasonOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
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
