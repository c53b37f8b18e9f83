import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { kafkaFor } from '@polku/config';
import { startConsumerApp, type ConsumerApp } from '@polku/consumer';
import { caughtUp, cloudEvent, config, produceAsRelay, readTopicUntil, silentLog, testNames, type ReadRecord } from '@polku/consumer/testing';
import { DEAD_LETTER_HEADERS, deadLetterTopicOf, Topics } from '@polku/contracts';
import { createPool } from '@polku/event-store';
import { eventually } from '@polku/testing';
import { projectWellbeing } from './wellbeing.projection';
import { openReferrals, rehabPeriods } from './wellbeing.queries';

const names = testNames('wellbeing');
let app: ConsumerApp;

const send = (...events: object[]) => produceAsRelay(Topics.wellbeing, events.map((event) => ({ key: (event as { subject: string }).subject, value: JSON.stringify(event) })));
// Reads are scoped to an employment area; the wellbeing topic names the path's with a referral.
const AREA = `Hyvinvointialue test ${randomUUID()}`;
const firstContact = { clientReference: `cref_${randomUUID().replace(/-/g, '')}`, employmentArea: AREA, municipality: 'Hattula' };
const referral = (pathId: string, referralId: string, legalBasis: 'CONSENT' | 'MULTISECTORAL_SUPPORT', sequence = 2) =>
  cloudEvent('ClientReferredToWellbeingService', 'wellbeing', pathId, sequence, { ...firstContact, referralId, service: 'WORK_ABILITY_ASSESSMENT', legalBasis, referredOn: '2026-03-03', workCapacityLimitation: true });
const referralRow = async (referralId: string) => (await app.pool.query('SELECT closed_on::text, closed_because FROM referrals WHERE referral_id = $1', [referralId])).rows[0];
const until = <T>(probe: () => Promise<T | undefined>, what: string) => eventually(probe, { timeoutMs: 30_000, what });

beforeAll(async () => {
  app = await startConsumerApp({
    databaseUrl: config.databaseUrl,
    kafka: kafkaFor(config, 'wellbeing'),
    groupId: names.groupId,
    topic: Topics.wellbeing,
    deadLetterTopic: deadLetterTopicOf(Topics.wellbeing),
    schema: names.schema,
    migrationsDir: join(__dirname, '..', 'migrations'),
    handle: projectWellbeing,
    log: silentLog,
  });
  await caughtUp(app.consumer, Topics.wellbeing);
}, 150_000);

afterAll(async () => {
  await app.close();
  const cleanup = createPool(config.databaseUrl, 1);
  await cleanup.query(`DROP SCHEMA IF EXISTS ${names.schema} CASCADE; DROP SCHEMA IF EXISTS ${names.schema}_rebuild CASCADE`);
  await cleanup.end();
});

describe('wellbeing consumer on the real Kafka and PostgreSQL', () => {
  it('applies a referral delivered twice once: one processed_events row, one open referral', async () => {
    const pathId = `path-${randomUUID()}`;
    const referred = referral(pathId, `ref-${randomUUID()}`, 'MULTISECTORAL_SUPPORT');
    const duplicatesBefore = app.consumer.status().duplicates;
    await send(referred, referred);
    await until(async () => (app.consumer.status().duplicates > duplicatesBefore ? true : undefined), 'the duplicate to be seen');
    const processed = await app.pool.query('SELECT count(*)::int AS n FROM processed_events WHERE event_id = $1', [referred.id]);
    expect(processed.rows).toEqual([{ n: 1 }]);
    expect((await openReferrals(app.pool, AREA)).filter((row) => row.pathId === pathId)).toEqual([
      { referralId: referred.data.referralId, pathId, service: 'WORK_ABILITY_ASSESSMENT', legalBasis: 'MULTISECTORAL_SUPPORT', referredOn: '2026-03-03', workCapacityLimitation: true },
    ]);
  });

  it('keeps the referrals and periods of two paths that use the same ids: the ids are each path\'s own', async () => {
    const [first, second] = [`path-${randomUUID()}`, `path-${randomUUID()}`];
    const period = (pathId: string, sequence: number) =>
      cloudEvent('SideServiceStarted', 'wellbeing', pathId, sequence, { serviceId: 'svc-1', kind: 'REHABILITATIVE_WORK_ACTIVITY', startOn: '2026-03-02', plannedEndOn: '2026-06-30', daysPerWeek: 3, hoursPerDay: 4, reviewOn: '2026-05-01' });
    await send(referral(first, 'r-1', 'MULTISECTORAL_SUPPORT', 2), period(first, 3), referral(second, 'r-1', 'MULTISECTORAL_SUPPORT', 2), period(second, 3));
    await send(cloudEvent('SideServiceEnded', 'wellbeing', second, 4, { serviceId: 'svc-1', kind: 'REHABILITATIVE_WORK_ACTIVITY', endedOn: '2026-06-15' }));
    const ours = async () => (await openReferrals(app.pool, AREA)).filter((row) => row.referralId === 'r-1' && [first, second].includes(row.pathId));
    await until(async () => ((await ours()).length === 2 ? true : undefined), 'both paths\' r-1 referrals');
    const periods = await until(async () => {
      const rows = (await rehabPeriods(app.pool, AREA)).filter((row) => row.serviceId === 'svc-1' && [first, second].includes(row.pathId));
      return rows.length === 2 && rows.some((row) => row.endedOn !== null) ? rows : undefined;
    }, 'both paths\' svc-1 periods, the second ended');
    // The end of the second path's period ends that one only.
    expect(Object.fromEntries(periods.map((row) => [row.pathId, row.endedOn]))).toEqual({ [first]: null, [second]: '2026-06-15' });
  });

  it('dead-letters invalid JSON and a CloudEvent of an unknown type with the reason, then goes on', async () => {
    const pathId = `path-${randomUUID()}`;
    const unknown = { ...referral(pathId, 'ref-x', 'CONSENT'), type: 'fi.polku.servicepath.NoSuchThing.v1' };
    await produceAsRelay(Topics.wellbeing, [
      { key: pathId, value: 'junk' },
      { key: pathId, value: JSON.stringify(unknown) },
    ]);
    const next = referral(pathId, `ref-${randomUUID()}`, 'CONSENT');
    await send(next);
    await until(async () => ((await referralRow(next.data.referralId)) ? true : undefined), 'the valid referral after the poison');

    const ours = (records: readonly ReadRecord[]) => records.filter((record) => record.key === pathId && record.headers[DEAD_LETTER_HEADERS.consumerGroup] === names.groupId);
    const letters = ours(await readTopicUntil(deadLetterTopicOf(Topics.wellbeing), (records) => ours(records).length >= 2));
    expect(letters.map((letter) => letter.headers[DEAD_LETTER_HEADERS.reason]?.split(':')[0])).toEqual(['INVALID_JSON', 'UNKNOWN_TYPE']);
    expect(letters.map((letter) => letter.value)).toEqual(['junk', JSON.stringify(unknown)]);
  });

  it('closes consent-based referrals when the consent is withdrawn and all of them on exit', async () => {
    const pathId = `path-${randomUUID()}`;
    const [byConsent, bySupport] = [referral(pathId, `ref-${randomUUID()}`, 'CONSENT', 2), referral(pathId, `ref-${randomUUID()}`, 'MULTISECTORAL_SUPPORT', 3)];
    await send(byConsent, bySupport, cloudEvent('ConsentWithdrawn', 'wellbeing', pathId, 4, { audience: 'WELLBEING_COUNTY', withdrawnAt: '2026-03-10T09:00:00.000Z' }));
    await until(async () => ((await referralRow(byConsent.data.referralId))?.closed_on ? true : undefined), 'the withdrawal');
    expect(await referralRow(byConsent.data.referralId)).toEqual({ closed_on: '2026-03-10', closed_because: 'CONSENT_WITHDRAWN' });
    expect(await referralRow(bySupport.data.referralId)).toEqual({ closed_on: null, closed_because: null });

    await send(cloudEvent('PathExited', 'wellbeing', pathId, 5, { exitedOn: '2026-04-01', goalAttained: false, outcomeCategory: 'OTHER', outcome: 'OTHER' }));
    await until(async () => ((await referralRow(bySupport.data.referralId))?.closed_on ? true : undefined), 'the exit');
    expect(await referralRow(bySupport.data.referralId)).toEqual({ closed_on: '2026-04-01', closed_because: 'PATH_EXITED' });
  });

  it('keeps rehabilitative work activity periods with their end', async () => {
    const pathId = `path-${randomUUID()}`;
    const serviceId = `svc-${randomUUID()}`;
    const kind = 'REHABILITATIVE_WORK_ACTIVITY';
    await send(
      referral(pathId, `ref-${randomUUID()}`, 'MULTISECTORAL_SUPPORT', 1),
      cloudEvent('SideServiceStarted', 'wellbeing', pathId, 2, { serviceId, kind, startOn: '2026-03-02', plannedEndOn: '2026-06-30', daysPerWeek: 3, hoursPerDay: 4.5, reviewOn: '2026-05-01' }),
      cloudEvent('SideServiceEnded', 'wellbeing', pathId, 3, { serviceId, kind, endedOn: '2026-06-15' }),
    );
    const period = await until(async () => (await rehabPeriods(app.pool, AREA)).find((row) => row.serviceId === serviceId && row.endedOn !== null), 'the period to end');
    expect(period).toEqual({ serviceId, pathId, startOn: '2026-03-02', plannedEndOn: '2026-06-30', endedOn: '2026-06-15', daysPerWeek: 3, hoursPerDay: 4.5, reviewOn: '2026-05-01' });
  });

  it('takes the end of a period it never saw start (started before the consent) as a no-op, not a dead letter', async () => {
    const pathId = `path-${randomUUID()}`;
    const ended = cloudEvent('SideServiceEnded', 'wellbeing', pathId, 5, { serviceId: `svc-${randomUUID()}`, kind: 'REHABILITATIVE_WORK_ACTIVITY', endedOn: '2026-06-15' });
    const END = '{end of this test';
    await produceAsRelay(Topics.wellbeing, [{ key: pathId, value: JSON.stringify(ended) }, { key: pathId, value: END }]);

    const ours = (records: readonly ReadRecord[]) => records.filter((record) => record.key === pathId && record.headers[DEAD_LETTER_HEADERS.consumerGroup] === names.groupId);
    const letters = ours(await readTopicUntil(deadLetterTopicOf(Topics.wellbeing), (records) => ours(records).some((record) => record.value === END)));
    // Same key, same order: a letter for the end would come before the marker's.
    expect(letters.map((letter) => letter.value)).toEqual([END]);
    const processed = await app.pool.query('SELECT count(*)::int AS n FROM processed_events WHERE event_id = $1', [ended.id]);
    expect(processed.rows).toEqual([{ n: 1 }]);
    expect((await app.pool.query('SELECT * FROM rehab_periods WHERE path_id = $1', [pathId])).rows).toEqual([]);
  });

  it('rebuilds the read model from offset 0 to the same rows', async () => {
    // Referral ids are a path's own ("r-1" on many paths): rows are keyed and ordered by path too.
    const snapshot = async () => ({
      referrals: (await app.pool.query('SELECT * FROM referrals ORDER BY path_id, referral_id')).rows,
      periods: (await app.pool.query('SELECT * FROM rehab_periods ORDER BY path_id, service_id')).rows,
      areas: (await app.pool.query('SELECT * FROM path_areas ORDER BY path_id')).rows,
    });
    const before = await snapshot();
    expect(before.referrals.length).toBeGreaterThan(0);
    await app.rebuild.start();
    await eventually(async () => (app.rebuild.status()?.state === 'DONE' ? true : undefined), { timeoutMs: 120_000, what: 'the rebuild to swap in' });
    const after = await snapshot();
    // Other tests keep publishing while this runs: compare the rows that existed before.
    const keyOf = (row: { path_id: string; referral_id?: string; service_id?: string }) => `${row.path_id}/${row.referral_id ?? row.service_id}`;
    const known = <Row extends { path_id: string }>(rows: Row[], earlier: Row[]) => {
      const keys = new Set(earlier.map(keyOf));
      return rows.filter((row) => keys.has(keyOf(row)));
    };
    expect(known(after.referrals, before.referrals)).toEqual(before.referrals);
    expect(known(after.periods, before.periods)).toEqual(before.periods);
    const paths = new Set(before.areas.map((row) => row.path_id));
    expect(after.areas.filter((row) => paths.has(row.path_id))).toEqual(before.areas);
  }, 150_000);
});
