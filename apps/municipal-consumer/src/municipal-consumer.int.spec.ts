import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { kafkaFor } from '@polku/config';
import { startConsumerApp, type ConsumerApp } from '@polku/consumer';
import { caughtUp, cloudEvent, config, produceAsRelay, readTopicUntil, silentLog, testNames, type ReadRecord } from '@polku/consumer/testing';
import { DEAD_LETTER_HEADERS, deadLetterTopicOf, Topics } from '@polku/contracts';
import { createPool } from '@polku/event-store';
import { eventually } from '@polku/testing';
import { activePathsByStage, exitsByOutcome } from './municipal.queries';
import { projectPath } from './paths.projection';

const names = testNames('municipal');
let app: ConsumerApp;

const pathStarted = (pathId: string, area: string) =>
  cloudEvent('PathStarted', 'municipal', pathId, 1, { clientReference: `cref_${randomUUID().replace(/-/g, '')}`, employmentArea: area, municipality: 'Hattula', registeredOn: '2026-03-02' });
const send = (...events: object[]) => produceAsRelay(Topics.municipal, events.map((event) => ({ key: (event as { subject: string }).subject, value: JSON.stringify(event) })));
const rowOf = async (pathId: string) => (await app.pool.query('SELECT stage, status, exited_on::text, outcome_category, last_sequence FROM paths WHERE path_id = $1', [pathId])).rows[0];
const until = <T>(probe: () => Promise<T | undefined>, what: string) => eventually(probe, { timeoutMs: 30_000, what });

beforeAll(async () => {
  app = await startConsumerApp({
    databaseUrl: config.databaseUrl,
    kafka: kafkaFor(config, 'municipal'),
    groupId: names.groupId,
    topic: Topics.municipal,
    deadLetterTopic: deadLetterTopicOf(Topics.municipal),
    schema: names.schema,
    migrationsDir: join(__dirname, '..', 'migrations'),
    handle: projectPath,
    log: silentLog,
  });
  await caughtUp(app.consumer, Topics.municipal);
}, 150_000);

afterAll(async () => {
  await app.close();
  const cleanup = createPool(config.databaseUrl, 1);
  await cleanup.query(`DROP SCHEMA IF EXISTS ${names.schema} CASCADE; DROP SCHEMA IF EXISTS ${names.schema}_rebuild CASCADE`);
  await cleanup.end();
});

describe('municipal consumer on the real Kafka and PostgreSQL', () => {
  it('applies an event delivered twice once: one processed_events row, the duplicate skipped', async () => {
    const pathId = `path-${randomUUID()}`;
    const started = pathStarted(pathId, 'Duplicate area');
    await send(started, started, cloudEvent('AssessmentStarted', 'municipal', pathId, 2, { startedOn: '2026-03-05' }));
    await until(async () => ((await rowOf(pathId))?.stage === 'ASSESSMENT' ? true : undefined), 'the assessment after the duplicate');
    const processed = await app.pool.query('SELECT count(*)::int AS n FROM processed_events WHERE event_id = $1', [started.id]);
    expect(processed.rows).toEqual([{ n: 1 }]);
    expect(app.consumer.status().duplicates).toBeGreaterThanOrEqual(1);
  });

  it('dead-letters invalid JSON and a schema-invalid CloudEvent with the reason, then goes on', async () => {
    const pathId = `path-${randomUUID()}`;
    const invalid = { ...pathStarted(pathId, 'Poison area'), data: { pathId, municipality: 'Hattula' } };
    await produceAsRelay(Topics.municipal, [
      { key: pathId, value: '{not json' },
      { key: pathId, value: JSON.stringify(invalid) },
    ]);
    await send(pathStarted(pathId, 'Poison area'));
    await until(async () => ((await rowOf(pathId))?.stage === 'INTAKE' ? true : undefined), 'the valid event after the poison');

    const ours = (records: readonly ReadRecord[]) =>
      records.filter((record) => record.key === pathId && record.headers[DEAD_LETTER_HEADERS.consumerGroup] === names.groupId);
    const letters = ours(await readTopicUntil(deadLetterTopicOf(Topics.municipal), (records) => ours(records).length >= 2));
    expect(letters.map((letter) => letter.headers[DEAD_LETTER_HEADERS.reason]?.split(':')[0])).toEqual(['INVALID_JSON', 'SCHEMA_INVALID']);
    expect(letters.map((letter) => letter.value)).toEqual(['{not json', JSON.stringify(invalid)]);
    expect(letters[0]?.headers[DEAD_LETTER_HEADERS.originalTopic]).toBe(Topics.municipal);
    expect(letters[1]?.headers[DEAD_LETTER_HEADERS.reason]).toMatch(/data\.employmentArea/);
  });

  it('dead-letters an event for a path it has no row for, unprocessed, yet stays silent on a known path\'s duplicate and older events', async () => {
    const pathId = `path-${randomUUID()}`;
    const beforeStart = cloudEvent('AssessmentStarted', 'municipal', pathId, 2, { startedOn: '2026-03-05' });
    const started = pathStarted(pathId, 'Unknown path area');
    const assessed = cloudEvent('AssessmentStarted', 'municipal', pathId, 2, { startedOn: '2026-03-05' });
    const older = cloudEvent('PathPaused', 'municipal', pathId, 2, { pausedAt: '2026-03-06T08:00:00.000Z' });
    const END = '{end of this test';
    // One key, one partition, in this order; the dead letters keep the key, so they keep the order too.
    await produceAsRelay(Topics.municipal, [...[beforeStart, started, assessed, assessed, older].map((event) => ({ key: pathId, value: JSON.stringify(event) })), { key: pathId, value: END }]);

    const ours = (records: readonly ReadRecord[]) => records.filter((record) => record.key === pathId && record.headers[DEAD_LETTER_HEADERS.consumerGroup] === names.groupId);
    const letters = ours(await readTopicUntil(deadLetterTopicOf(Topics.municipal), (records) => ours(records).some((record) => record.value === END)));
    // Anything dead-lettered from the known path's events would sit between these two.
    expect(letters.map((letter) => letter.headers[DEAD_LETTER_HEADERS.reason]?.replace(/^INVALID_JSON:.*/, 'INVALID_JSON'))).toEqual(['HANDLER_FAILED: UNKNOWN_PATH', 'INVALID_JSON']);
    expect(letters[0]?.value).toBe(JSON.stringify(beforeStart));

    const ids = [beforeStart.id, started.id, assessed.id, older.id];
    const processed = await app.pool.query<{ event_id: string; n: number }>('SELECT event_id::text, count(*)::int AS n FROM processed_events WHERE event_id = ANY($1::uuid[]) GROUP BY event_id', [ids]);
    expect(new Map(processed.rows.map((row) => [row.event_id, row.n]))).toEqual(new Map([[started.id, 1], [assessed.id, 1], [older.id, 1]]));
    expect(await rowOf(pathId)).toEqual({ stage: 'ASSESSMENT', status: 'ACTIVE', exited_on: null, outcome_category: null, last_sequence: 2 });
  });

  it('ignores an event at or below the path\'s last sequence (late or replayed)', async () => {
    const pathId = `path-${randomUUID()}`;
    await send(
      pathStarted(pathId, 'Order area'),
      cloudEvent('WorkTrialStarted', 'municipal', pathId, 3, {
        trialId: 't1', organiserBusinessId: '1234567-8', organiserKind: 'COMPANY', startOn: '2026-04-01', plannedEndOn: '2026-05-01', daysPerWeek: 5, hoursPerDay: 6, agreementReference: 'a1',
      }),
      cloudEvent('AssessmentStarted', 'municipal', pathId, 2, { startedOn: '2026-03-05' }),
      cloudEvent('PathPaused', 'municipal', pathId, 4, { pausedAt: '2026-04-10T08:00:00.000Z' }),
    );
    await until(async () => ((await rowOf(pathId))?.status === 'PAUSED' ? true : undefined), 'the pause');
    expect(await rowOf(pathId)).toEqual({ stage: 'WORK_TRIAL', status: 'PAUSED', exited_on: null, outcome_category: null, last_sequence: 4 });
  });

  it('counts open paths by stage and exits by month and outcome category for one area', async () => {
    const area = `Area ${randomUUID()}`;
    const [a, b, c] = [`path-${randomUUID()}`, `path-${randomUUID()}`, `path-${randomUUID()}`];
    const exit = (pathId: string, exitedOn: string) => cloudEvent('PathExited', 'municipal', pathId, 2, { exitedOn, goalAttained: true, outcomeCategory: 'EMPLOYED_OPEN_MARKET' });
    await send(pathStarted(a, area), pathStarted(b, area), pathStarted(c, area), exit(b, '2026-04-30'), exit(c, '2026-05-02'));
    // Partitions are consumed in parallel: wait for every path, not only the last ones sent.
    await until(async () => ((await rowOf(a))?.stage === 'INTAKE' && (await rowOf(c))?.status === 'EXITED' && (await rowOf(b))?.status === 'EXITED' ? true : undefined), 'the starts and exits');
    expect(await activePathsByStage(app.pool, area)).toEqual({ area, stages: { INTAKE: 1, ASSESSMENT: 0, WORK_TRIAL: 0, WAGE_SUBSIDY: 0 } });
    expect(await exitsByOutcome(app.pool, area)).toEqual({
      area,
      exits: [
        { month: '2026-04', outcomeCategory: 'EMPLOYED_OPEN_MARKET', count: 1 },
        { month: '2026-05', outcomeCategory: 'EMPLOYED_OPEN_MARKET', count: 1 },
      ],
    });
  });

  it('rebuilds the read model from offset 0 to the same rows', async () => {
    const snapshot = async () => (await app.pool.query('SELECT * FROM paths ORDER BY path_id')).rows;
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    await app.rebuild.start();
    await eventually(async () => (app.rebuild.status()?.state === 'DONE' ? true : undefined), { timeoutMs: 120_000, what: 'the rebuild to swap in' });
    const after = await snapshot();
    const ids = new Set(before.map((row) => row.path_id));
    // Other tests keep publishing while this runs: compare the paths that existed before.
    expect(after.filter((row) => ids.has(row.path_id))).toEqual(before);
  }, 150_000);
});
