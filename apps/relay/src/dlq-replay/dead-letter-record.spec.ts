import { DEAD_LETTER_HEADERS } from '@polku/contracts';
import type { IHeaders } from 'kafkajs';
import { replayOf, type DeadLetterRecord } from './dead-letter-record';

const EVENT_ID = '0b7c3f7e-8a51-4d2a-9c43-5c1f2b7a9e10';

function record(topic: string, value: unknown, headers: IHeaders = {}): DeadLetterRecord {
  return { topic, partition: 1, offset: '7', timestamp: '1767600000000', key: Buffer.from('path-1'), value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)), headers };
}

const parkedByConsumer = (topic: string, originalTopic: string, eventId: string | null = EVENT_ID): IHeaders => ({
  'content-type': 'application/cloudevents+json',
  ...(eventId ? { 'event-id': eventId, 'event-type': 'fi.polku.servicepath.PathStarted.v1' } : {}),
  [DEAD_LETTER_HEADERS.reason]: 'SCHEMA.INVALID: data.pathId',
  [DEAD_LETTER_HEADERS.originalTopic]: originalTopic,
  [DEAD_LETTER_HEADERS.originalPartition]: '1',
  [DEAD_LETTER_HEADERS.originalOffset]: '41',
  [DEAD_LETTER_HEADERS.consumerGroup]: 'polku-municipal-consumer',
});

describe('replayOf', () => {
  it('takes the stored event coordinates from a record the relay parked', () => {
    const coordinates = { eventId: EVENT_ID, streamId: 'path-1', streamVersion: 1, type: 'PathStarted' };
    expect(replayOf(record('polku.servicepath.events.v1.dlq', coordinates))).toEqual({ kind: 'outbox', eventId: EVENT_ID, type: 'PathStarted', streamId: 'path-1' });
  });

  it.each([['not json'], [{ key: 'acl-test' }], [{ eventId: 'not-a-uuid', streamId: 'p', type: 'PathStarted' }]])('refuses a relay DLQ record without coordinates: %j', (value) => {
    expect(replayOf(record('polku.servicepath.events.v1.dlq', value))).toMatchObject({ kind: 'unusable', reason: 'no stored event coordinates: not parked by the relay' });
  });

  it('gives back the consumer-parked message as it was, without the dead-letter headers, for its source topic', () => {
    const parked = record('polku.servicepath.municipal.v1.dlq', { id: EVENT_ID }, parkedByConsumer('polku.servicepath.municipal.v1.dlq', 'polku.servicepath.municipal.v1'));
    expect(replayOf(parked)).toEqual({
      kind: 'republish',
      eventId: EVENT_ID,
      type: 'fi.polku.servicepath.PathStarted.v1',
      sourceTopic: 'polku.servicepath.municipal.v1',
      message: {
        key: parked.key,
        value: parked.value,
        headers: { 'content-type': 'application/cloudevents+json', 'event-id': EVENT_ID, 'event-type': 'fi.polku.servicepath.PathStarted.v1' },
      },
    });
  });

  it('never sends a consumer-parked message to a topic other than the one that feeds its DLQ', () => {
    const parked = record('polku.servicepath.municipal.v1.dlq', {}, parkedByConsumer('polku.servicepath.municipal.v1.dlq', 'polku.servicepath.wellbeing.v1'));
    expect(replayOf(parked)).toMatchObject({ kind: 'unusable', reason: 'original topic polku.servicepath.wellbeing.v1 does not feed polku.servicepath.municipal.v1.dlq' });
  });

  it('refuses a consumer-parked record without an event id (never an event of the relay)', () => {
    const parked = record('polku.servicepath.municipal.v1.dlq', { key: 'acl-test' }, parkedByConsumer('polku.servicepath.municipal.v1.dlq', 'polku.servicepath.municipal.v1', null));
    expect(replayOf(parked)).toMatchObject({ kind: 'unusable', eventId: undefined, reason: 'no event id: not an event the relay published' });
  });

  it('refuses a record on a consumer DLQ that names no original topic', () => {
    expect(replayOf(record('polku.servicepath.wellbeing.v1.dlq', {}, { 'event-id': EVENT_ID }))).toMatchObject({ kind: 'unusable', eventId: EVENT_ID });
  });
});
