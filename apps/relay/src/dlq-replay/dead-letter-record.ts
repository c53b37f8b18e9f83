import { DEAD_LETTER_HEADERS, deadLetterTopicOf, Topics, type TopicName } from '@polku/contracts';
import type { IHeaders, Message } from 'kafkajs';

/** One record read from a dead-letter topic, and where it sits there. */
export interface DeadLetterRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** The broker's timestamp (ms): with the position, what tells this record from another at the same offset after a topic was recreated. */
  readonly timestamp: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: IHeaders;
}

/** What replaying a record means, decided from the record alone. */
export type Replay =
  /** Parked by the relay: the stored event goes back through the relay (its outbox row reopened). */
  | { readonly kind: 'outbox'; readonly eventId: string; readonly type: string; readonly streamId: string }
  /** Parked by a consumer: the original message goes back onto the topic it came from. */
  | { readonly kind: 'republish'; readonly eventId: string; readonly type: string | undefined; readonly sourceTopic: string; readonly message: Message }
  | { readonly kind: 'unusable'; readonly eventId: string | undefined; readonly type: string | undefined; readonly reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RELAY_DEAD_LETTERS = deadLetterTopicOf(Topics.events);
const DLQ_HEADER_NAMES: ReadonlySet<string> = new Set(Object.values(DEAD_LETTER_HEADERS));

export function replayOf(record: DeadLetterRecord): Replay {
  const sourceTopic = headerOf(record.headers, DEAD_LETTER_HEADERS.originalTopic);
  if (sourceTopic !== undefined) return republishOf(record, sourceTopic);
  if (record.topic === RELAY_DEAD_LETTERS) return outboxReplayOf(record);
  return unusable(record, 'no original topic: not parked by a consumer');
}

/** A consumer's dead letter: back onto its own source topic only, never elsewhere. */
function republishOf(record: DeadLetterRecord, sourceTopic: string): Replay {
  const eventId = headerOf(record.headers, 'event-id');
  const type = headerOf(record.headers, 'event-type');
  const fedByIt = (Object.values(Topics) as string[]).includes(sourceTopic) && deadLetterTopicOf(sourceTopic as TopicName) === record.topic;
  if (!fedByIt) return unusable(record, `original topic ${sourceTopic} does not feed ${record.topic}`);
  if (eventId === undefined || !UUID.test(eventId)) return unusable(record, 'no event id: not an event the relay published');
  const headers = Object.fromEntries(Object.entries(record.headers).filter(([name]) => !DLQ_HEADER_NAMES.has(name)));
  return { kind: 'republish', eventId, type, sourceTopic, message: { key: record.key, value: record.value, headers } };
}

/** The relay's dead letter carries the stored event's coordinates, never its data. */
function outboxReplayOf(record: DeadLetterRecord): Replay {
  const coordinates = parseObject(record.value);
  const { eventId, type, streamId } = coordinates ?? {};
  if (typeof eventId !== 'string' || !UUID.test(eventId) || typeof type !== 'string' || typeof streamId !== 'string') {
    return unusable(record, 'no stored event coordinates: not parked by the relay');
  }
  return { kind: 'outbox', eventId, type, streamId };
}

function unusable(record: DeadLetterRecord, reason: string): Replay {
  return { kind: 'unusable', eventId: headerOf(record.headers, 'event-id'), type: headerOf(record.headers, 'event-type'), reason };
}

function headerOf(headers: IHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

function parseObject(value: Buffer | null): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(value?.toString() ?? '');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
