import type { PathState } from '@polku/domain';
import type { RecordedEvent } from '@polku/event-store';
import type { ProducerBatch } from 'kafkajs';
import { OutboxRelay, type OutgoingMessage } from './outbox-relay';
import type { OutboxRow } from './outbox.repository';

function row(outboxId: number, streamId: string, streamVersion: number, type = 'PathStarted'): OutboxRow {
  const event = { globalPosition: String(outboxId), transactionId: '1', streamId, streamVersion, eventId: `e-${outboxId}`, type, schemaVersion: 1, data: {}, metadata: {}, recordedAt: '2026-01-05T08:00:00.000Z' } as RecordedEvent;
  return { outboxId: String(outboxId), event };
}

/** An in-memory outbox with the repository's contract: unsent rows in order, marked after ack. */
class MemoryOutbox {
  sent: string[] = [];
  constructor(private readonly rows: OutboxRow[]) {}
  unsent = async (limit: number) => this.rows.filter((r) => !this.sent.includes(r.outboxId)).slice(0, limit);
  markSent = async (ids: readonly string[]) => void this.sent.push(...ids);
}

const states = { after: async (): Promise<PathState> => ({ status: 'NONE', version: 0 }) };
const log = { info: () => undefined, warn: () => undefined };
const settings = { batchSize: 10, pollMs: 10, maxBackoffMs: 10 };
const toMessage = (event: RecordedEvent): OutgoingMessage => ({ topic: 'polku.servicepath.events.v1', key: event.streamId, value: event.eventId, headers: { 'event-id': event.eventId } });
const deadLetter = (event: RecordedEvent, error: Error): OutgoingMessage => ({ topic: 'polku.servicepath.events.v1.dlq', key: event.streamId, value: event.eventId, headers: { 'dlq-reason': error.message } });

function relayWith(outbox: MemoryOutbox, sendBatch: (batch: ProducerBatch) => Promise<never[]>, translate = (event: RecordedEvent) => [toMessage(event)]): OutboxRelay {
  return new OutboxRelay(undefined as never, outbox, states, { sendBatch }, translate, deadLetter, settings, log);
}

describe('OutboxRelay.publishBatch', () => {
  it('sends a batch keyed by path in outbox order and marks it sent only after the ack', async () => {
    const outbox = new MemoryOutbox([row(1, 'p-1', 1), row(2, 'p-2', 1), row(3, 'p-1', 2)]);
    const batches: ProducerBatch[] = [];
    const relay = relayWith(outbox, async (batch) => {
      expect(outbox.sent).toEqual([]); // nothing is marked before the broker answers
      batches.push(batch);
      return [];
    });
    expect(await relay.publishBatch()).toBe(3);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.acks).toBe(-1);
    expect(batches[0]?.topicMessages?.[0]?.messages.map((m) => [m.key, m.value])).toEqual([['p-1', 'e-1'], ['p-2', 'e-2'], ['p-1', 'e-3']]);
    expect(outbox.sent).toEqual(['1', '2', '3']);
    expect(await relay.publishBatch()).toBe(0);
  });

  it('marks nothing when the broker fails, so the same rows go again', async () => {
    const outbox = new MemoryOutbox([row(1, 'p-1', 1)]);
    const relay = relayWith(outbox, async () => {
      throw new Error('broker down');
    });
    await expect(relay.publishBatch()).rejects.toThrow('broker down');
    expect(outbox.sent).toEqual([]);
    expect((await outbox.unsent(10)).map((r) => r.outboxId)).toEqual(['1']);
  });

  it('parks an event it cannot translate on the dead-letter topic and keeps going', async () => {
    const outbox = new MemoryOutbox([row(1, 'p-1', 1, 'Broken'), row(2, 'p-2', 1)]);
    const batches: ProducerBatch[] = [];
    const translate = (event: RecordedEvent): OutgoingMessage[] => {
      if (event.type === 'Broken') throw new TypeError('cannot fold');
      return [toMessage(event)];
    };
    const relay = relayWith(outbox, async (batch) => (batches.push(batch), []), translate);
    expect(await relay.publishBatch()).toBe(2);
    expect(batches[0]?.topicMessages?.map((t) => [t.topic, t.messages.map((m) => m.value)])).toEqual([
      ['polku.servicepath.events.v1.dlq', ['e-1']],
      ['polku.servicepath.events.v1', ['e-2']],
    ]);
    expect(batches[0]?.topicMessages?.[0]?.messages[0]?.headers).toEqual({ 'dlq-reason': 'cannot fold' });
    expect(outbox.sent).toEqual(['1', '2']);
  });
});
