import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { Topics } from '@polku/contracts';
import { eventIdFor } from '@polku/domain';
import { createKafka } from '@polku/kafka';
import { eventually } from '@polku/testing';
import { Client, Connection } from '@temporalio/client';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { Pool } from 'pg';

const config = loadConfig();
const api = `http://${config.api.host}:${config.api.port}`;

const START = { employmentArea: 'Hämeenlinnan seudun työllisyysalue', municipality: 'Hämeenlinna', coachId: 'coach-17' };

function clientReference(): string {
  return `cref_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
}

/**
 * The whole pipeline across every real component: API → Temporal workflow → append activity →
 * PostgreSQL events + outbox → relay → Kafka. Stop any one of them and this test fails.
 */
describe('POST /paths end to end', () => {
  let pool: Pool;
  let consumer: Consumer;
  let temporal: Client;
  const received: KafkaMessage[] = [];

  beforeAll(async () => {
    pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
    temporal = new Client({ connection: await Connection.connect({ address: config.temporal.address }) });
    consumer = createKafka(config.kafka).consumer({ groupId: `e2e-skeleton-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.events, fromBeginning: false });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message) });
    // A new group only reads what arrives after it joined: wait until it owns its partitions.
    await eventually(async () => ((await consumer.describeGroup()).state === 'Stable' ? true : undefined), {
      what: 'the consumer group to be stable',
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await temporal?.connection.close();
    await pool?.end();
  });

  it('starts the path workflow, stores its events and the relay publishes them to the events topic', async () => {
    const reference = clientReference();
    const response = await fetch(`${api}/paths`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...START, clientReference: reference }),
    });
    expect(response.status).toBe(201);
    const { pathId, workflowId, state } = (await response.json()) as { pathId: string; workflowId: string; state: { status: string; version: number } };
    expect(workflowId).toBe(`path-${pathId}`);
    expect(state).toMatchObject({ status: 'ACTIVE', stage: 'INTAKE', clientReference: reference, version: 2 });

    const described = await temporal.workflow.getHandle(workflowId).describe();
    expect(described.type).toBe('servicePathWorkflow');

    const { rows } = await pool.query('SELECT event_id, event_type, data->>$2 AS reference FROM events WHERE stream_id = $1 ORDER BY stream_version', [pathId, 'clientReference']);
    expect(rows).toEqual([
      { event_id: eventIdFor(pathId, 1), event_type: 'PathStarted', reference },
      { event_id: eventIdFor(pathId, 2), event_type: 'DeadlinesScheduled', reference: null },
    ]);

    const message = await eventually(async () => received.find((m) => m.key?.toString() === pathId), {
      what: `the Kafka message for path ${pathId}`,
    });
    expect(JSON.parse(message.value?.toString() ?? '')).toMatchObject({
      specversion: '1.0',
      id: eventIdFor(pathId, 1),
      type: 'fi.polku.servicepath.PathStarted.v1',
      subject: pathId,
      data: { pathId, clientReference: reference, employmentArea: START.employmentArea },
    });
    expect(message.headers?.['event-id']?.toString()).toBe(eventIdFor(pathId, 1));
    await temporal.workflow.getHandle(workflowId).terminate('e2e done');
  });

  it.each([
    ['malformed JSON', 400, 'REQUEST.MALFORMED_JSON', '{"clientReference":'],
    ['an identity code as reference', 400, 'VALIDATION.INVALID_BODY', JSON.stringify({ ...START, clientReference: '131052-308T' })],
    ['an unknown field', 400, 'VALIDATION.INVALID_BODY', JSON.stringify({ ...START, clientReference: clientReference(), extra: 1 })],
    ['an oversized body', 413, 'REQUEST.TOO_LARGE', JSON.stringify({ ...START, clientReference: clientReference(), employmentArea: 'x'.repeat(70_000) })],
  ])('answers %s with %i %s and starts nothing', async (_label, status, code, body) => {
    const before = await pool.query('SELECT count(*)::int AS n FROM events');
    const response = await fetch(`${api}/paths`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { code: string; message: string };
    expect(answer.code).toBe(code);
    expect(answer.message.length).toBeGreaterThan(0);
    expect(JSON.stringify(answer)).not.toContain('131052-308T');
    const after = await pool.query('SELECT count(*)::int AS n FROM events');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('reports every dependency healthy on /health', async () => {
    const response = await fetch(`${api}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', checks: { postgres: 'up', temporal: 'up', kafka: 'up' } });
  });
});
