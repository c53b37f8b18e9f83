import { randomUUID } from 'node:crypto';
import { kafkaFor, loadConfig } from '@polku/config';
import { DEAD_LETTER_HEADERS, deadLetterTopicOf, Topics } from '@polku/contracts';
import { deadLetterOfConsumedRecord } from '@polku/consumer';
import { appendToStream, readStream } from '@polku/event-store';
import { createKafka } from '@polku/kafka';
import { eventually, pathStartEvents } from '@polku/testing';
import type { Message, Producer } from 'kafkajs';
import { LeaseRepository } from '../lease.repository';
import { OutboxListener } from '../outbox-listener';
import { OutboxRelay } from '../outbox-relay';
import type { Translate } from '../outgoing-batch';
import { OutboxRepository } from '../outbox.repository';
import { PathStates } from '../path-states';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../testing/throwaway-database';
import { deadLetterOfStoredEvent, translateForKafka } from '../translation';
import { readToEnd } from './dead-letter-reader';
import { replayDeadLetters } from './dlq-replay';
import { ReplayRepository } from './replay.repository';

/**
 * dlq:replay on the real Kafka (as the relay principal, through the broker's ACLs) and a
 * throwaway database; `--id` keeps it to this test's own records on the shared topics.
 */
const config = loadConfig();
const relayKafka = createKafka(kafkaFor(config, 'relay'));
const adminKafka = createKafka(config.kafka);
const silent = { info: () => undefined, warn: () => undefined };
let db: ThrowawayDatabase;
let producer: Producer;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  producer = relayKafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
});

afterAll(async () => {
  await producer?.disconnect();
  await db?.drop();
});

function replay(topic: string, eventId: string) {
  const publish = async (target: string, message: Message) => void (await producer.send({ topic: target, acks: -1, messages: [message] }));
  return replayDeadLetters({ read: (name) => readToEnd(relayKafka, name), publish, replays: new ReplayRepository(db.pool) }, { topic, eventIds: [eventId] });
}

/** Every record on `topic` (read as the admin) that carries this event id. */
async function recordsOf(topic: string, eventId: string) {
  return (await readToEnd(adminKafka, topic)).filter((record) => record.headers['event-id']?.toString() === eventId);
}

async function outboxRowOf(eventId: string) {
  const { rows } = await db.pool.query<{ sent: boolean; attempts: number; lastError: string | null }>('SELECT sent_at IS NOT NULL AS sent, attempts, last_error AS "lastError" FROM outbox WHERE event_id = $1', [eventId]);
  return rows[0];
}

describe('npm run dlq:replay', () => {
  it('puts an event the relay parked back through the relay once, and a second run replays nothing', async () => {
    let fixed = false;
    // The bug: this translation throws. The fix: it works (kept to the internal topic here).
    const translate: Translate = (event, after) => {
      if (!fixed) throw new TypeError('translation bug');
      return translateForKafka(event, after).filter((message) => message.topic === Topics.events);
    };
    const parts = { outbox: new OutboxRepository(db.pool), states: new PathStates(db.pool), producer, translate, deadLetter: deadLetterOfStoredEvent, leases: new LeaseRepository(db.pool), listener: new OutboxListener(db.pool) };
    const relay = new OutboxRelay(parts, { batchSize: 50, pollMs: 200, maxBackoffMs: 500, lease: { name: 'outbox-relay', holder: 'dlq-replay-test', leaseMs: 3_000 } }, silent);
    relay.start();
    try {
      const pathId = randomUUID();
      const [started] = pathStartEvents(pathId, 1);
      if (!started) throw new Error('no PathStarted');
      await appendToStream(db.pool, pathId, 0, [started]);
      const parked = await eventually(async () => ((await outboxRowOf(started.eventId))?.sent ? outboxRowOf(started.eventId) : undefined), { what: 'the event to be parked' });
      expect(parked).toEqual({ sent: true, attempts: 1, lastError: 'TypeError: translation bug' });
      expect(await recordsOf(Topics.events, started.eventId)).toHaveLength(0);

      fixed = true;
      const first = await replay(deadLetterTopicOf(Topics.events), started.eventId);
      expect(first.outcomes.map(({ action, eventId, type }) => ({ action, eventId, type }))).toEqual([{ action: 'replayed', eventId: started.eventId, type: 'PathStarted' }]);
      await eventually(async () => (await outboxRowOf(started.eventId))?.sent || undefined, { what: 'the relay to publish the replayed event' });
      expect(await recordsOf(Topics.events, started.eventId)).toHaveLength(1);

      const second = await replay(deadLetterTopicOf(Topics.events), started.eventId);
      expect(second.outcomes.map(({ action, detail }) => ({ action, detail }))).toEqual([{ action: 'skipped', detail: 'already replayed' }]);
      expect(await outboxRowOf(started.eventId)).toEqual({ sent: true, attempts: 1, lastError: 'TypeError: translation bug' });
      expect(await recordsOf(Topics.events, started.eventId)).toHaveLength(1);
    } finally {
      await relay.stop();
    }
  });

  it('re-publishes a record a consumer parked onto its source topic once, without the dead-letter headers', async () => {
    const pathId = randomUUID();
    await appendToStream(db.pool, pathId, 0, pathStartEvents(pathId, 2).slice(0, 1));
    const [event] = await readStream(db.pool, pathId);
    if (!event) throw new Error('the event was not stored');
    const [original] = translateForKafka(event, await new PathStates(db.pool).after(event)).filter((message) => message.topic === Topics.municipal);
    if (!original) throw new Error('PathStarted has no municipal message');
    await parkAsMunicipalConsumer(original);

    const first = await replay(deadLetterTopicOf(Topics.municipal), event.eventId);
    expect(first.outcomes.map(({ action, detail }) => ({ action, detail }))).toEqual([{ action: 'replayed', detail: `re-published to ${Topics.municipal}` }]);
    const [republished, ...more] = await recordsOf(Topics.municipal, event.eventId);
    expect(more).toHaveLength(0);
    expect([republished?.key?.toString(), republished?.value?.toString()]).toEqual([original.key, original.value]);
    expect(Object.keys(republished?.headers ?? {}).sort()).toEqual(Object.keys(original.headers).sort());

    const second = await replay(deadLetterTopicOf(Topics.municipal), event.eventId);
    expect(second.outcomes.map(({ action, detail }) => ({ action, detail }))).toEqual([{ action: 'skipped', detail: 'already replayed' }]);
    expect(await recordsOf(Topics.municipal, event.eventId)).toHaveLength(1);
  });
});

/** What the municipal consumer does with a message it cannot take: its own DLQ, its own principal. */
async function parkAsMunicipalConsumer(message: { key: string; value: string; headers: Readonly<Record<string, string>> }): Promise<void> {
  const source = { key: Buffer.from(message.key), value: Buffer.from(message.value), headers: { ...message.headers }, offset: '0', timestamp: String(Date.now()), attributes: 0 };
  const letter = deadLetterOfConsumedRecord({ topic: Topics.municipal, partition: 0, message: source, groupId: 'polku-municipal-consumer-test' }, 'TEST.POISON: parked by the replay test');
  expect(letter.headers?.[DEAD_LETTER_HEADERS.originalTopic]).toBe(Topics.municipal);
  const municipal = createKafka(kafkaFor(config, 'municipal')).producer({ allowAutoTopicCreation: false });
  await municipal.connect();
  try {
    await municipal.send({ topic: deadLetterTopicOf(Topics.municipal), acks: -1, messages: [letter] });
  } finally {
    await municipal.disconnect();
  }
}
