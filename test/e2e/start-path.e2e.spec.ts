import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { pathWorkflowId, SERVICE_PATH_WORKFLOW, Topics } from '@polku/contracts';
import { eventIdFor } from '@polku/domain';
import { createKafka } from '@polku/kafka';
import { eventually } from '@polku/testing';
import { connectTemporalClient } from '@polku/temporal';
import type { Client } from '@temporalio/client';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { Pool } from 'pg';
import { API, devToken, startPath } from '../support/staff-api';

const config = loadConfig();
const AREA = 'Hämeenlinnan seudun työllisyysalue';

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
    temporal = await connectTemporalClient(config.temporal);
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
    const token = await devToken({ userId: 'coach-17', role: 'coach', employmentArea: AREA });
    const { pathId, clientReference: reference, path } = await startPath(token, { municipality: 'Hämeenlinna', coachId: 'coach-17' });
    const workflowId = pathWorkflowId(pathId);
    expect(path).toMatchObject({ status: 'ACTIVE', stage: 'INTAKE', clientReference: reference, employmentArea: AREA, version: 2 });

    const described = await temporal.workflow.getHandle(workflowId).describe();
    expect(described.type).toBe(SERVICE_PATH_WORKFLOW);

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
      data: { pathId, clientReference: reference, employmentArea: AREA },
    });
    expect(message.headers?.['event-id']?.toString()).toBe(eventIdFor(pathId, 1));
    await temporal.workflow.getHandle(workflowId).terminate('e2e done');
  });

  it('reports every dependency healthy on /health', async () => {
    const response = await fetch(`${API}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', checks: { postgres: 'up', temporal: 'up', kafka: 'up' } });
  });
});
