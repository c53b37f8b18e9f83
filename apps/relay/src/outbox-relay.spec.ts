import type { PathState } from '@polku/domain';
import type { RecordedEvent } from '@polku/event-store';
import type { ProducerBatch } from 'kafkajs';
import { OutboxRelay } from './outbox-relay';
import type { OutgoingMessage, Translate } from './outgoing-batch';
import type { OutboxRow } from './outbox.repository';
import { MemoryLeases } from './testing/memory-leases';
import { MemoryOutbox, outboxRow as row } from './testing/memory-outbox';

const LEASE_MS = 3_000;
const POLL_MS = 1_000;
const lease = { name: 'outbox-relay', holder: 'relay-a', leaseMs: LEASE_MS };
const clock = { now: 0 };
const states = { after: async (): Promise<PathState> => ({ status: 'NONE', version: 0 }) };
const log = { info: () => undefined, warn: () => undefined };
const settings = { batchSize: 10, pollMs: POLL_MS, maxBackoffMs: 10, lease };
const toMessage = (event: RecordedEvent): OutgoingMessage => ({ topic: 'polku.servicepath.events.v1', key: event.streamId, value: event.eventId, headers: { 'event-id': event.eventId } });
const deadLetter = (event: RecordedEvent, error: Error): OutgoingMessage => ({ topic: 'polku.servicepath.events.v1.dlq', key: event.streamId, value: event.eventId, headers: { 'dlq-reason': error.message } });

interface Setup {
  readonly rows: OutboxRow[];
  readonly sendBatch?: (batch: ProducerBatch) => Promise<never[]>;
  readonly translate?: Translate;
  readonly after?: typeof states.after;
}

function setup({ rows, sendBatch = async () => [], translate = (event) => [toMessage(event)], after = states.after }: Setup) {
  clock.now = 0;
  const leases = new MemoryLeases(() => clock.now);
  const outbox = new MemoryOutbox(rows, (fence) => leases.holds(fence));
  const parts = { outbox, states: { after }, producer: { sendBatch }, translate, deadLetter, leases, clock: () => clock.now };
  return { leases, outbox, relay: new OutboxRelay(parts, settings, log) };
}

/** A relay that has taken the lease. */
async function leading(options: Setup) {
  const context = setup(options);
  await context.relay.leadership.campaign();
  expect(context.relay.leadership.status()).toEqual({ role: 'leader', epoch: 1 });
  return context;
}

class KafkaJSConnectionError extends Error {
  override readonly name = 'KafkaJSConnectionError';
}

const valuesOf = (batch: ProducerBatch | undefined) => batch?.topicMessages?.flatMap((topic) => topic.messages.map((message) => message.value));

describe('OutboxRelay.catchUp', () => {
  it('sends a batch keyed by path in outbox order and marks it sent only after the ack', async () => {
    const batches: ProducerBatch[] = [];
    const { relay, outbox } = await leading({
      rows: [row(1, 'p-1', 1), row(2, 'p-2', 1), row(3, 'p-1', 2)],
      sendBatch: async (batch) => {
        expect(outbox.sent).toEqual([]); // nothing is marked before the broker answers
        batches.push(batch);
        return [];
      },
    });
    expect(await relay.catchUp()).toBe(3);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.acks).toBe(-1);
    expect(batches[0]?.topicMessages?.[0]?.messages.map((m) => [m.key, m.value])).toEqual([['p-1', 'e-1'], ['p-2', 'e-2'], ['p-1', 'e-3']]);
    expect(outbox.sent).toEqual(['1', '2', '3']);
    expect(await relay.catchUp()).toBe(0);
  });

  it('drains a backlog of several batches in one call, in outbox order, each row once', async () => {
    const batches: ProducerBatch[] = [];
    const rows = Array.from({ length: 25 }, (_, i) => row(i + 1, `p-${i % 4}`, Math.floor(i / 4) + 1));
    const { relay, outbox } = await leading({ rows, sendBatch: async (batch) => (batches.push(batch), []) });
    expect(await relay.catchUp()).toBe(25);
    expect(batches.map((batch) => valuesOf(batch)?.length)).toEqual([10, 10, 5]);
    expect(batches.flatMap(valuesOf)).toEqual(rows.map((r) => r.event.eventId));
    expect(outbox.sent).toEqual(rows.map((r) => r.outboxId));
  });

  it('marks nothing when the broker fails and counts the failure with its reason on every row of the batch', async () => {
    const { relay, outbox } = await leading({
      rows: [row(1, 'p-1', 1), row(2, 'p-2', 1)],
      sendBatch: async () => {
        throw new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
      },
    });
    await expect(relay.catchUp()).rejects.toThrow('ECONNREFUSED');
    await expect(relay.catchUp()).rejects.toThrow('ECONNREFUSED');
    expect(outbox.sent).toEqual([]);
    expect((await outbox.unsent(10)).map((r) => r.outboxId)).toEqual(['1', '2']);
    const failure = { attempts: 2, lastError: 'KafkaJSConnectionError: Connection error: connect ECONNREFUSED 127.0.0.1:9092' };
    expect(Object.fromEntries(outbox.failures)).toEqual({ 1: failure, 2: failure });
  });

  it('parks an event it cannot translate on the dead-letter topic, records why, and keeps going', async () => {
    const batches: ProducerBatch[] = [];
    const translate = (event: RecordedEvent): OutgoingMessage[] => {
      if (event.type === 'Broken') throw new TypeError('cannot fold');
      return [toMessage(event)];
    };
    const { relay, outbox } = await leading({ rows: [row(1, 'p-1', 1, 'Broken'), row(2, 'p-2', 1)], sendBatch: async (batch) => (batches.push(batch), []), translate });
    expect(await relay.catchUp()).toBe(2);
    expect(batches[0]?.topicMessages?.map((t) => [t.topic, t.messages.map((m) => m.value)])).toEqual([
      ['polku.servicepath.events.v1.dlq', ['e-1']],
      ['polku.servicepath.events.v1', ['e-2']],
    ]);
    expect(batches[0]?.topicMessages?.[0]?.messages[0]?.headers).toEqual({ 'dlq-reason': 'cannot fold' });
    expect(outbox.sent).toEqual(['1', '2']);
    expect(Object.fromEntries(outbox.failures)).toEqual({ 1: { attempts: 1, lastError: 'TypeError: cannot fold' } });
  });
});

describe('OutboxRelay leadership', () => {
  it('publishes nothing while another relay holds the lease and takes over with the next epoch once it expires', async () => {
    const batches: ProducerBatch[] = [];
    const { relay, leases, outbox } = setup({ rows: [row(1, 'p-1', 1)], sendBatch: async (batch) => (batches.push(batch), []) });
    expect(await leases.acquire(lease.name, 'relay-b', LEASE_MS)).toBe(1);
    await relay.leadership.campaign();
    expect(relay.leadership.status()).toEqual({ role: 'standby', epoch: undefined });
    expect(await relay.catchUp()).toBe(0);

    clock.now = LEASE_MS; // relay-b stopped renewing
    await relay.leadership.campaign();
    expect(relay.leadership.status()).toEqual({ role: 'leader', epoch: 2 });
    expect(await relay.catchUp()).toBe(1);
    expect([batches.length, outbox.sent]).toEqual([1, ['1']]);
  });

  it('does not send a batch when its lease ran out while the batch was being prepared (a paused leader)', async () => {
    const batches: ProducerBatch[] = [];
    const pausedPastTheLease = async (): Promise<PathState> => {
      clock.now += LEASE_MS;
      return { status: 'NONE', version: 0 };
    };
    const { relay, outbox } = await leading({ rows: [row(1, 'p-1', 1)], sendBatch: async (batch) => (batches.push(batch), []), after: pausedPastTheLease });
    expect(await relay.catchUp()).toBe(0);
    expect([batches, outbox.sent]).toEqual([[], []]);
    expect(relay.leadership.status().role).toBe('standby');
  });

  it('cannot mark rows once another relay took over during its send, and then publishes nothing more', async () => {
    const batches: ProducerBatch[] = [];
    const context = await leading({
      rows: [row(1, 'p-1', 1), row(2, 'p-1', 2)],
      sendBatch: async (batch) => {
        batches.push(batch);
        clock.now += LEASE_MS; // stalled in the send past its lease: a standby takes over
        expect(await context.leases.acquire(lease.name, 'relay-b', LEASE_MS)).toBe(2);
        return [];
      },
    });
    expect(await context.relay.catchUp()).toBe(0);
    expect(context.outbox.sent).toEqual([]);
    expect(context.relay.leadership.status()).toEqual({ role: 'standby', epoch: undefined });
    await context.relay.leadership.campaign();
    expect(await context.relay.catchUp()).toBe(0);
    expect(batches).toHaveLength(1);
  });
});
