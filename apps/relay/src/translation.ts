import { DEAD_LETTER_HEADERS, deadLetterTopicOf, translate, translationContextOf, Topics, type StoredDomainEvent } from '@polku/contracts';
import { helsinkiDateOf } from '@polku/domain';
import { toPathEvent, type RecordedEvent } from '@polku/event-store';
import type { DeadLetter, Translate } from './outgoing-batch';

/**
 * The relay's use of the one translator: the path as it stands after the event decides which
 * audiences get it.
 */
export const translateForKafka: Translate = (event, after) => {
  const stored: StoredDomainEvent = { ...toPathEvent(event), eventId: event.eventId, streamId: event.streamId, streamVersion: event.streamVersion, recordedAt: event.recordedAt };
  const occurredAt = (event.metadata as { occurredAt?: string }).occurredAt ?? event.recordedAt;
  return translate(stored, translationContextOf(after, helsinkiDateOf(occurredAt))).map((message) => ({
    topic: message.topic,
    key: message.key,
    value: JSON.stringify(message.value),
    headers: message.headers,
  }));
};

/** The stored event's coordinates (no data) and the reason, on the internal topic's DLQ. */
export const deadLetterOfStoredEvent: DeadLetter = (event: RecordedEvent, error: Error) => {
  return {
    topic: deadLetterTopicOf(Topics.events),
    key: event.streamId,
    value: JSON.stringify({ eventId: event.eventId, streamId: event.streamId, streamVersion: event.streamVersion, type: event.type }),
    headers: { [DEAD_LETTER_HEADERS.reason]: `${error.name}: ${error.message}`.slice(0, 500), 'event-id': event.eventId, 'event-type': event.type },
  };
};
