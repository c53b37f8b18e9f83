import type { PathState } from '@polku/domain';
import type { RecordedEvent } from '@polku/event-store';
import type { Message, TopicMessages } from 'kafkajs';
import type { OutboxRow, SentRow } from './outbox.repository';
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

/** Outbox rows on their way: what goes to the broker for them, and how each is marked once it is acked. */
export interface OutgoingBatch {
  readonly rows: readonly OutboxRow[];
  readonly topicMessages: TopicMessages[];
  readonly sent: readonly SentRow[];
}

/** Path states: `prefetch`, when there, folds a batch's paths in one read before `after` is asked row by row. */
export type BatchStates = Pick<PathStates, 'after'> & Partial<Pick<PathStates, 'prefetch'>>;

export interface BatchParts {
  readonly states: BatchStates;
  readonly translate: Translate;
  readonly deadLetter: DeadLetter;
  readonly log: RelayLog;
}

/**
 * Folds and translates each row, in outbox order, into one broker batch. An event that cannot be
 * folded or translated is parked on the dead-letter topic with the reason, in its place; a
 * database error is thrown instead (transient: the batch is read again).
 */
export async function outgoingBatch(rows: readonly OutboxRow[], parts: BatchParts): Promise<OutgoingBatch> {
  const topics = new Map<string, Message[]>();
  const add = (message: OutgoingMessage): void => {
    const messages = topics.get(message.topic) ?? [];
    messages.push({ key: message.key, value: message.value, headers: { ...message.headers } });
    topics.set(message.topic, messages);
  };
  const sent: SentRow[] = [];
  await parts.states.prefetch?.(rows.map((row) => row.event));
  for (const row of rows) {
    try {
      parts.translate(row.event, await parts.states.after(row.event)).forEach(add);
      sent.push({ outboxId: row.outboxId });
    } catch (error) {
      if (isDatabaseError(error)) throw error;
      parts.log.warn({ eventId: row.event.eventId, type: row.event.type, err: { name: (error as Error).name } }, 'event parked on the dead-letter topic');
      add(parts.deadLetter(row.event, error as Error));
      sent.push({ outboxId: row.outboxId, parkedReason: reasonOf(error) });
    }
  }
  return { rows, topicMessages: [...topics].map(([topic, messages]) => ({ topic, messages })), sent };
}

/** Error class and message only: broker and translator errors carry no record content. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function isDatabaseError(error: unknown): boolean {
  return typeof (error as { code?: unknown }).code === 'string' || (error as Error).message?.includes('Connection terminated') === true;
}
