import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@polku/config';
import { ALL_TOPICS, pathWorkflowId } from '@polku/contracts';
import { helsinkiDateOf } from '@polku/domain';
import { createKafka } from '@polku/kafka';
import { eventually } from '@polku/testing';
import { Client, Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common/lib/proto-utils';
import type { Admin, Consumer } from 'kafkajs';
import { Pool } from 'pg';
import { journey } from '../support/path-journey';
import { call, devToken, identityCode, type Answer } from '../support/staff-api';
import { decodeThroughCodecEndpoint, encodingOf, storedPayloads } from '../support/stored-payloads';

const config = loadConfig();
const LOGS = join(__dirname, '..', '..', '.polku', 'logs');

/** Every string inside a value, Temporal payload bytes decoded as the UTF-8 they carry. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (value instanceof Uint8Array) yield Buffer.from(value).toString('utf8');
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* strings(item);
}

/**
 * After a full run through the API (intake, the journey to exit, rejected input, an erasure),
 * the identity codes it was given appear nowhere outside the vault: not in any answer (other
 * than masked), log line, table, Kafka message, Temporal history or search attribute. Temporal
 * histories hold no free text either without the payload key: it takes the codec endpoint.
 */
describe('the identity code stays at the intake boundary', () => {
  const area = `E2E-tietosuoja ${randomUUID().slice(0, 8)}`;
  const codes = [identityCode(), identityCode(), identityCode()];
  // Free text staff typed: this run's own marker, and the journey's service need and trial tasks.
  const marker = `Tietosuojamerkki ${randomUUID().slice(0, 8)}`;
  const freeTexts = [marker, 'Looking for warehouse work', 'Picking and packing'];
  const answers: Answer[] = [];
  const pathIds: string[] = [];
  let pool: Pool;
  let temporal: Client;
  let admin: Admin;
  let startOffsets: Map<string, { partition: number; offset: string }[]>;

  // A code in any disguise this run tries (another dash, a gap, lower case): its date and its
  // individual number with a check character, at most three characters apart.
  const disguised = (code: string): string => `${code.slice(0, 6)}.{0,3}${code.slice(7)}`;
  const found = (texts: Iterable<string>): string[] => {
    const hits: string[] = [];
    for (const text of texts) for (const code of codes) if (new RegExp(disguised(code), 'i').test(text)) hits.push(code);
    return hits;
  };

  beforeAll(async () => {
    pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
    // Deliberately without the payload codec: this client sees what the Temporal server stores.
    temporal = new Client({ connection: await Connection.connect({ address: config.temporal.address }) });
    admin = createKafka(config.kafka).admin();
    await admin.connect();
    startOffsets = new Map(await Promise.all(ALL_TOPICS.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const)));
  });

  afterAll(async () => {
    await admin?.disconnect();
    await temporal?.connection.close();
    await pool?.end();
  });

  it('runs paths through the API with real identity codes, then finds them in no output', async () => {
    const coach = await devToken({ userId: 'coach.privacy', role: 'coach', employmentArea: area });
    const admin = await devToken({ userId: 'admin.privacy', role: 'admin', employmentArea: area });
    const record = async (answer: Promise<Answer>) => answers.push(await answer);
    for (const code of codes) {
      const headers = { 'idempotency-key': `privacy-${randomUUID()}` };
      const started = await call<{ pathId: string; clientReference: string }>('POST', '/paths', { token: coach, body: { identityCode: code, municipality: 'Vantaa', coachId: 'coach.privacy' }, headers });
      answers.push(started);
      expect(started.status).toBe(201);
      pathIds.push(started.body.pathId);
      // The same code again: the client has an active path, and the answer must not echo it.
      await record(call('POST', '/paths', { token: coach, body: { identityCode: code, municipality: 'Vantaa', coachId: 'coach.privacy' } }));
      // Typed into free text by mistake, or disguised (glued, another dash), into a key, a
      // correlation id or a user id: refused at the edge or replaced, never stored.
      await record(call('POST', `/paths/${started.body.pathId}/hold-initial-interview`, { token: coach, body: { heldOn: '2026-01-01', serviceNeed: `asiakas ${code}` } }));
      await record(call('POST', `/paths/${started.body.pathId}/hold-initial-interview`, { token: coach, body: { heldOn: '2026-01-01', serviceNeed: `ID${code.slice(0, 6)}\u2013${code.slice(7)}` } }));
      await record(call('POST', `/paths/${started.body.pathId}/reassign-coach`, { token: coach, body: { coachId: 'coach.privacy' }, headers: { 'idempotency-key': `retry-${code}` } }));
      await record(call('POST', `/paths/${started.body.pathId}/reassign-coach`, { token: coach, body: { coachId: 'coach.privacy' }, headers: { 'x-correlation-id': `corr${code.toLowerCase()}` } }));
      await record(call('POST', '/dev-issuer/token', { body: { userId: `u${code}`, role: 'coach', employmentArea: area } }));
      await record(call('GET', `/paths/${started.body.pathId}`, { token: coach }));
    }
    const [first, second, last] = pathIds as [string, string, string];
    for (const [route, body] of journey()) await record(call('POST', `/paths/${first}/${route}`, { token: coach, body }));
    const interview = await call('POST', `/paths/${second}/hold-initial-interview`, { token: coach, body: { heldOn: helsinkiDateOf(new Date().toISOString()), serviceNeed: marker } });
    expect(interview.status).toBe(200);
    answers.push(interview);
    await record(call('GET', '/paths?limit=100', { token: coach }));
    const lastReference = (answers.find((answer) => (answer.body as { pathId?: string }).pathId === last)?.body as { clientReference: string }).clientReference;
    await eventually(async () => {
      const erased = await call('POST', `/admin/clients/${lastReference}/erase`, { token: admin, body: { reason: 'Client request, privacy e2e' } });
      answers.push(erased);
      return erased.status === 200 ? true : undefined;
    }, { what: 'the erasure' });

    // Answers: the code only ever masked.
    expect(found(answers.map((answer) => (typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body))))).toEqual([]);
    const masked = answers.map((answer) => JSON.stringify(answer.body)).filter((text) => text.includes('"masked":"******'));
    expect(masked.length).toBeGreaterThanOrEqual(codes.length);

    // Every table of every schema, each row as text.
    const { rows: tables } = await pool.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    expect(tables.length).toBeGreaterThan(10);
    for (const { name } of tables) {
      const hits = await pool.query(`SELECT count(*)::int AS n FROM ${name} t WHERE t::text ~* ANY($1)`, [codes.map(disguised)]);
      expect([name, hits.rows[0].n]).toEqual([name, 0]);
    }

    // Temporal as stored (read without the key): no identity code, no free text; every payload
    // of the paths' histories (search attributes aside) is encrypted.
    const stored: string[] = [];
    const payloads: Payload[] = [];
    for (const pathId of pathIds) {
      const handle = temporal.workflow.getHandle(pathWorkflowId(pathId));
      const history = await handle.fetchHistory();
      expect((history.events ?? []).length).toBeGreaterThan(3);
      const described = await handle.describe();
      stored.push(...strings(history), ...strings(described.searchAttributes), ...strings(described.memo ?? {}));
      payloads.push(...storedPayloads(history));
    }
    expect(found(stored)).toEqual([]);
    expect(freeTexts.filter((text) => stored.some((item) => item.includes(text)))).toEqual([]);
    expect(payloads.length).toBeGreaterThan(pathIds.length * 3);
    expect(payloads.map(encodingOf).filter((encoding) => encoding !== 'binary/encrypted')).toEqual([]);
    // With the key, through the codec endpoint as the Temporal UI uses it: the free text reads in
    // clear, and still no identity code.
    const decoded = [...strings(await decodeThroughCodecEndpoint(admin, payloads))];
    expect(freeTexts.filter((text) => !decoded.some((item) => item.includes(text)))).toEqual([]);
    expect(found(decoded)).toEqual([]);

    // Kafka: every message the run added to every topic (the relay has published the exit).
    const messages = await readSince(startOffsets, (text) => text.includes(first) && text.includes('PathExited'));
    expect(messages.length).toBeGreaterThan(pathIds.length);
    expect(found(messages)).toEqual([]);

    // Every log the system writes.
    const logs = readdirSync(LOGS, { recursive: true, encoding: 'utf8' })
      .map((file) => join(LOGS, file))
      .filter((file) => statSync(file).isFile());
    expect(logs.some((file) => file.endsWith('api.log'))).toBe(true);
    for (const file of logs) expect([file, found([readFileSync(file, 'utf8')])]).toEqual([file, []]);
  });

  /** Reads each topic from the offsets before the run until `done` has been seen. */
  async function readSince(offsets: Map<string, { partition: number; offset: string }[]>, done: (text: string) => boolean): Promise<string[]> {
    const texts: string[] = [];
    const consumer: Consumer = createKafka(config.kafka).consumer({ groupId: `e2e-privacy-${randomUUID()}` });
    await consumer.connect();
    try {
      for (const topic of offsets.keys()) await consumer.subscribe({ topic, fromBeginning: false });
      await consumer.run({
        eachMessage: async ({ message }) => {
          texts.push([message.key?.toString() ?? '', message.value?.toString() ?? '', ...Object.values(message.headers ?? {}).map(String)].join('\n'));
        },
      });
      for (const [topic, partitions] of offsets) for (const { partition, offset } of partitions) consumer.seek({ topic, partition, offset });
      await eventually(async () => (texts.some(done) ? true : undefined), { timeoutMs: 30_000, what: 'the run’s messages on Kafka' });
      return texts;
    } finally {
      await consumer.disconnect();
    }
  }
});
