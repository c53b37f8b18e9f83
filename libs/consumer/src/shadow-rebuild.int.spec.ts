import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { DEAD_LETTER_HEADERS } from '@polku/contracts';
import { createPool } from '@polku/event-store';
import { createKafka } from '@polku/kafka';
import { eventually } from '@polku/testing';
import { startConsumerApp, type ConsumerApp } from './consumer-app';
import { EventConsumer } from './event-consumer';
import type { ConsumerLog } from './event-consumer';
import type { RebuildState, RebuildStatus } from './rebuild-progress';
import { shadowSchemaOf } from './shadow-schema';
import { caughtUp, cloudEvent, config, countSeen, createThrowawayTopic, HandlerGate, readTopicUntil, SEEN_MIGRATIONS, silentLog, type ThrowawayTopic } from './testing';

const db = createPool(config.databaseUrl, 2);
const kafka = createKafka(config.kafka);
const POISON = '{"this is": not json';
/** Stands in for a request logger's context (nestjs-pino keeps the request in one like it). */
const request = new AsyncLocalStorage<string>();
const logged: { message: string; request: string | undefined }[] = [];
const recordingLog: ConsumerLog = Object.fromEntries(
  (['info', 'warn', 'error'] as const).map((level) => [level, (_fields: object, message: string) => void logged.push({ message, request: request.getStore() })]),
) as unknown as ConsumerLog;

interface Fixture {
  readonly topic: ThrowawayTopic;
  readonly app: ConsumerApp;
  readonly gate: HandlerGate;
  readonly schema: string;
  readonly groupId: string;
  /** Ids of events the live consumer applied before the test began. */
  readonly eventIds: readonly string[];
}

const event = (pathId: string, sequence: number) => cloudEvent('AssessmentStarted', 'municipal', pathId, sequence, { startedOn: '2026-03-05' });
const record = (value: { subject: string }) => ({ key: value.subject, value: JSON.stringify(value) });

/** A topic of its own with 12 paths × 3 events and one poison record, consumed by a live consumer. */
async function fixture(): Promise<Fixture> {
  const id = randomUUID().replace(/-/g, '').slice(0, 12);
  const [schema, groupId] = [`rebuild_t_${id}`, `polku-test-rebuild-${id}`];
  const topic = await createThrowawayTopic(3);
  const events = Array.from({ length: 12 }, () => `path-${randomUUID()}`).flatMap((pathId) => [1, 2, 3].map((sequence) => event(pathId, sequence)));
  await topic.produce([...events.map(record), { key: 'poison', value: POISON }]);
  const gate = new HandlerGate(countSeen);
  const app = await startApp(topic, schema, groupId, gate);
  await caughtUp(app.consumer, topic.topic);
  return { topic, app, gate, schema, groupId, eventIds: events.map((value) => value.id) };
}

function startApp(topic: ThrowawayTopic, schema: string, groupId: string, gate: HandlerGate): Promise<ConsumerApp> {
  return startConsumerApp({ databaseUrl: config.databaseUrl, kafka: config.kafka, groupId, topic: topic.topic, deadLetterTopic: topic.deadLetterTopic, schema, migrationsDir: SEEN_MIGRATIONS, handle: gate.handle, log: recordingLog });
}

/** The consumer's dead letters of the poison record, read up to a marker parked after them. */
async function poisonLetters(f: Fixture): Promise<string[]> {
  const END = `{end ${randomUUID()}`;
  await f.topic.produce([{ key: 'poison', value: END }]);
  const letters = await readTopicUntil(f.topic.deadLetterTopic, (records) => records.some((letter) => letter.value === END));
  return letters.filter((letter) => letter.value === POISON).map((letter) => letter.headers[DEAD_LETTER_HEADERS.consumerGroup] ?? '');
}

async function teardown(f: Fixture | undefined): Promise<void> {
  if (f === undefined) return;
  f.gate.release();
  await f.app.close();
  await f.topic.remove();
  await db.query(`DROP SCHEMA IF EXISTS ${f.schema} CASCADE; DROP SCHEMA IF EXISTS ${shadowSchemaOf(f.schema)} CASCADE`);
}

/** The read model as a reader sees it: the rows, and which events it holds as processed. */
async function snapshot(f: Fixture): Promise<{ seen: unknown[]; processed: string[] }> {
  const seen = (await f.app.pool.query('SELECT path_id, events, last_sequence FROM seen ORDER BY path_id')).rows;
  const processed = (await f.app.pool.query<{ id: string }>('SELECT event_id::text AS id FROM processed_events ORDER BY 1')).rows.map((row) => row.id);
  return { seen, processed };
}

const rebuildIn = (f: Fixture, state: RebuildState): Promise<RebuildStatus> =>
  eventually(async () => (f.app.rebuild.status()?.state === state ? f.app.rebuild.status() : undefined), { timeoutMs: 60_000, what: `the rebuild to be ${state}` });

const shadowExists = async (f: Fixture) => (await db.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [shadowSchemaOf(f.schema)])).rowCount === 1;

async function committedOffsets(f: Fixture): Promise<Record<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId: f.groupId, topics: [f.topic.topic] });
    return Object.fromEntries((offsets?.partitions ?? []).map(({ partition, offset }) => [partition, Number(offset)]));
  } finally {
    await admin.disconnect();
  }
}

const topicEnds = async (f: Fixture) => Object.fromEntries((await f.topic.ends()).map(({ partition, high }) => [partition, high]));

/** Sends one more event and waits until the live consumer has applied it. */
async function liveApplies(f: Fixture): Promise<void> {
  const late = event(`path-${randomUUID()}`, 1);
  await f.topic.produce([record(late)]);
  await eventually(async () => ((await f.app.pool.query('SELECT 1 FROM processed_events WHERE event_id = $1', [late.id])).rowCount === 1 ? true : undefined), { timeoutMs: 30_000, what: 'the live consumer to apply a new event' });
}

describe('rebuilding a read model beside the live one (real Kafka and PostgreSQL)', () => {
  let f: Fixture | undefined;
  const given = async () => (f = await fixture());

  afterEach(async () => {
    await teardown(f);
    f = undefined;
  });

  afterAll(() => db.end());

  it('fills shadow tables while the live ones stay readable and current, then swaps them in with identical contents', async () => {
    const t = await given();
    const before = await snapshot(t);
    expect(before.seen).toHaveLength(12);
    const held = t.gate.arm(t.eventIds[5] ?? '');
    logged.length = 0;
    expect((await request.run('admin request', () => t.app.rebuild.start())).state).toBe('FILLING');
    await held;

    // The shadow is stuck mid-topic: the live read model is what it was, and still kept current.
    expect(await snapshot(t)).toEqual(before);
    expect(await shadowExists(t)).toBe(true);
    await liveApplies(t);
    const live = await snapshot(t);
    t.gate.release();

    const done = await rebuildIn(t, 'DONE');
    expect(done.records).toEqual({ applied: 37, duplicates: 0, refused: 1 });
    expect(await snapshot(t)).toEqual(live);
    expect(await shadowExists(t)).toBe(false);
    expect(await committedOffsets(t)).toEqual(await topicEnds(t));
    await liveApplies(t);

    // The poison record was parked once, by the live consumer; the rebuild saw it was handled.
    expect(await poisonLetters(t)).toEqual([t.groupId]);

    // Only the start is logged in the admin's request; the rebuild and the restarted live consumer are not.
    expect(logged.filter((line) => line.request !== undefined).map((line) => line.message)).toEqual(['rebuild started']);
    expect(logged.map((line) => line.message)).toEqual(expect.arrayContaining(['rebuild done: the rebuilt read model is live', 'record dead-lettered']));
  }, 120_000);

  it('does not park old poison again after a restart: the live group\'s commit says it was handled', async () => {
    const t = await given();
    await eventually(async () => (JSON.stringify(await committedOffsets(t)) === JSON.stringify(await topicEnds(t)) ? true : undefined), { what: 'the live offsets to be committed' });
    f = undefined;
    await t.app.close();
    const restarted = (f = { ...t, app: await startApp(t.topic, t.schema, t.groupId, t.gate) });
    // A new process: it resumes from the commit and has handled nothing itself.
    await eventually(async () => (restarted.app.consumer.status().running ? true : undefined), { what: 'the restarted consumer to join' });
    expect(restarted.app.consumer.status().positions).toEqual({});
    await f.app.rebuild.start();
    await rebuildIn(f, 'DONE');
    expect(await poisonLetters(f)).toEqual([t.groupId]);
  }, 120_000);

  it('leaves the live tables as they were when the rebuild fails midway, and can rebuild again', async () => {
    const t = await given();
    const before = await snapshot(t);
    await eventually(async () => (JSON.stringify(await committedOffsets(t)) === JSON.stringify(await topicEnds(t)) ? true : undefined), { what: 'the live offsets to be committed' });
    const offsets = await committedOffsets(t);
    const failing = t.gate.arm(t.eventIds[5] ?? '', true);
    await t.app.rebuild.start();
    await failing;

    const failed = await rebuildIn(t, 'FAILED');
    expect(failed.error).toEqual({ code: 'REBUILD.READ_FAILED', message: expect.stringMatching(/^Reading the topic into the rebuild tables failed \(Error 57P01\); the live read model is unchanged\.$/) });
    expect(await snapshot(t)).toEqual(before);
    expect(await shadowExists(t)).toBe(false);
    expect(await committedOffsets(t)).toEqual(offsets);
    await liveApplies(t);

    t.gate.release();
    const live = await snapshot(t);
    await t.app.rebuild.start();
    await rebuildIn(t, 'DONE');
    expect(await snapshot(t)).toEqual(live);
  }, 120_000);

  it('fails the swap rather than wait on a reader holding a live table, and leaves the tables as they were', async () => {
    const t = await given();
    const before = await snapshot(t);
    const reader = await db.connect();
    try {
      await reader.query('BEGIN');
      await reader.query(`SELECT count(*) FROM ${t.schema}.seen`);
      await t.app.rebuild.start();
      const failed = await rebuildIn(t, 'FAILED');
      expect(failed.error?.code).toBe('REBUILD.SWAP_FAILED');
      expect(failed.error?.message).toMatch(/\(error 55P03\); the live read model is unchanged\.$/);
    } finally {
      await reader.query('ROLLBACK');
      reader.release();
    }
    expect(await snapshot(t)).toEqual(before);
    expect(await shadowExists(t)).toBe(false);
    await liveApplies(t);
  }, 120_000);

  it('refuses to rebuild from a topic that lost its first records, touching nothing', async () => {
    const t = await given();
    const before = await snapshot(t);
    const partition = (await t.topic.ends()).find(({ high }) => high > 1)?.partition ?? 0;
    await t.topic.deleteBefore(partition, 1);
    expect((await t.topic.ends()).find((end) => end.partition === partition)?.low).toBe(1);

    const refusal = await t.app.rebuild.start().then(() => undefined, (error: unknown) => error);
    expect(refusal).toMatchObject({ name: 'RebuildError', code: 'REBUILD.HISTORY_INCOMPLETE', message: expect.stringContaining(`partition ${partition} starts at 1`) });
    expect(t.app.rebuild.status()).toBeUndefined();
    expect(await shadowExists(t)).toBe(false);
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses a second rebuild while one runs', async () => {
    const t = await given();
    const held = t.gate.arm(t.eventIds[5] ?? '');
    await t.app.rebuild.start();
    await held;
    await expect(t.app.rebuild.start()).rejects.toMatchObject({ code: 'REBUILD.IN_PROGRESS' });
    t.gate.release();
    await rebuildIn(t, 'DONE');
  }, 120_000);

  it('refuses to rebuild while another process rebuilds the same schema (they would share the shadow)', async () => {
    const t = await given();
    const other = await db.connect();
    try {
      await other.query('SELECT pg_advisory_lock(hashtext($1))', [`polku-rebuild:${t.schema}`]);
      await expect(t.app.rebuild.start()).rejects.toMatchObject({ code: 'REBUILD.IN_PROGRESS', message: expect.stringContaining('Another process') });
      expect(await shadowExists(t)).toBe(false);
    } finally {
      await other.query('SELECT pg_advisory_unlock_all()');
      other.release();
    }
    await t.app.rebuild.start();
    await rebuildIn(t, 'DONE');
  }, 120_000);

  it('does not swap while another replica consumes in the live group', async () => {
    const t = await given();
    const before = await snapshot(t);
    const other = new EventConsumer({ kafka, groupId: t.groupId, topic: t.topic.topic, deadLetterTopic: t.topic.deadLetterTopic, schema: t.schema, pool: t.app.pool, handle: countSeen, log: silentLog });
    await other.start();
    try {
      await eventually(async () => (other.status().running ? true : undefined), { what: 'the second replica to join' });
      await t.app.rebuild.start();
      const failed = await rebuildIn(t, 'FAILED');
      expect(failed.error?.code).toBe('REBUILD.GROUP_NOT_EMPTY');
      expect(await snapshot(t)).toEqual(before);
      await eventually(async () => (t.app.consumer.status().running ? true : undefined), { what: 'the live consumer to run again' });
    } finally {
      await other.close();
    }
  }, 120_000);
});
