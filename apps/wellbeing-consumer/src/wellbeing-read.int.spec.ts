import { randomUUID } from 'node:crypto';
import { startTestIssuer, type TestIssuer, type TestTokenOptions } from '@polku/auth/testing';
import { caughtUp, cloudEvent, produceAsRelay, startReadTestApp, testNames, type ConsumerHttp, type ReadTestApp } from '@polku/consumer/testing';
import { Topics } from '@polku/contracts';
import { eventually } from '@polku/testing';
import { WELLBEING_CONSUMER } from './wellbeing-consumer.module';
import { WellbeingReadController } from './wellbeing-read.controller';

const names = testNames('wellbeing');
const [AREA_A, AREA_B] = [`Alue A ${randomUUID()}`, `Alue B ${randomUUID()}`];
let test: ReadTestApp;
let issuer: TestIssuer;
let http: ConsumerHttp;

const token = (role: TestTokenOptions['role'], employmentArea = AREA_A) => issuer.token({ role, employmentArea });
const contact = (area: string) => ({ clientReference: `cref_${randomUUID().replace(/-/g, '')}`, employmentArea: area, municipality: 'Hattula' });
const referral = (pathId: string, area: string) =>
  cloudEvent('ClientReferredToWellbeingService', 'wellbeing', pathId, 2, { ...contact(area), referralId: `ref-${randomUUID()}`, service: 'WORK_ABILITY_ASSESSMENT', legalBasis: 'CONSENT', referredOn: '2026-03-03', workCapacityLimitation: true });
const rehab = (pathId: string, sequence: number) =>
  cloudEvent('SideServiceStarted', 'wellbeing', pathId, sequence, { serviceId: `svc-${randomUUID()}`, kind: 'REHABILITATIVE_WORK_ACTIVITY', startOn: '2026-03-02', plannedEndOn: '2026-06-30' });

// Paths: a (area A, named by its PathStarted), b (area B, named by its referral), c (no area known yet).
const [a, b, c] = [`path-${randomUUID()}`, `path-${randomUUID()}`, `path-${randomUUID()}`];
const events = [
  cloudEvent('PathStarted', 'wellbeing', a, 1, { ...contact(AREA_A), registeredOn: '2026-03-02' }),
  referral(a, AREA_A),
  rehab(a, 3),
  referral(b, AREA_B),
  rehab(b, 3),
  rehab(c, 4),
];
const referralOf = (pathId: string) => events.find((event) => event.subject === pathId && event.type.includes('Referred'))?.data as { referralId: string };
const serviceOf = (pathId: string) => (events.find((event) => event.subject === pathId && event.type.includes('SideService'))?.data as { serviceId: string }).serviceId;

beforeAll(async () => {
  test = await startReadTestApp(WELLBEING_CONSUMER, WellbeingReadController, names);
  ({ issuer, http } = test);
  const app = test.started;
  await caughtUp(app.consumer, Topics.wellbeing);
  await produceAsRelay(Topics.wellbeing, events.map((event) => ({ key: event.subject, value: JSON.stringify(event) })));
  const ids = events.map((event) => event.id);
  await eventually(async () => ((await app.pool.query('SELECT count(*)::int AS n FROM processed_events WHERE event_id = ANY($1::uuid[])', [ids])).rows[0]?.n === ids.length ? true : undefined), { timeoutMs: 30_000, what: 'the test events applied' });
}, 180_000);

afterAll(async () => {
  await test?.close();
});

const READS = ['/read/open-referrals', '/read/rehab-periods'];
const ids = (rows: unknown) => (rows as { pathId: string }[]).map((row) => row.pathId).filter((pathId) => [a, b, c].includes(pathId));

describe('the wellbeing consumer\'s read endpoints (health data: wellbeing staff of the area only)', () => {
  it.each(READS)('%s answers 401 without a token or with a forged one', async (path) => {
    expect(await http.call('GET', path)).toEqual({ status: 401, body: { code: 'AUTH.MISSING_TOKEN', message: expect.any(String) } });
    const stranger = await startTestIssuer();
    try {
      expect((await http.call('GET', path, { token: await stranger.token({ role: 'wellbeing', employmentArea: AREA_A }) })).body['code']).toBe('AUTH.INVALID_TOKEN');
    } finally {
      await stranger.close();
    }
  });

  it.each(READS.flatMap((path) => (['manager', 'coach', 'intake', 'admin'] as const).map((role) => [path, role] as const)))('%s answers 403 to the %s role', async (path, role) => {
    expect(await http.call('GET', path, { token: await token(role) })).toEqual({ status: 403, body: { code: 'AUTH.FORBIDDEN_ROLE', message: 'This needs one of the roles: wellbeing.' } });
  });

  it('shows each area\'s wellbeing staff the referrals of their area\'s paths only', async () => {
    const inA = await http.call('GET', '/read/open-referrals', { token: await token('wellbeing') });
    expect(inA.status).toBe(200);
    expect(inA.body['area']).toBe(AREA_A);
    expect(inA.body['referrals']).toEqual([expect.objectContaining({ pathId: a, referralId: referralOf(a).referralId, workCapacityLimitation: true })]);
    const inB = await http.call('GET', '/read/open-referrals', { token: await token('wellbeing', AREA_B) });
    expect(ids(inB.body['referrals'])).toEqual([b]);
  });

  it('shows rehabilitation periods by the path\'s area, and a period of a path with no known area to nobody', async () => {
    const inA = await http.call('GET', '/read/rehab-periods', { token: await token('wellbeing') });
    expect(inA.body['periods']).toEqual([expect.objectContaining({ pathId: a, serviceId: serviceOf(a) })]);
    expect(ids((await http.call('GET', '/read/rehab-periods', { token: await token('wellbeing', AREA_B) })).body['periods'])).toEqual([b]);
    // Path c's period is stored (its area may still come), but neither answer above listed it.
    const { pool } = test.started;
    expect((await pool.query('SELECT service_id FROM rehab_periods WHERE path_id = $1', [c])).rows).toEqual([{ service_id: serviceOf(c) }]);
  });

  it('refuses to read another area named in ?area=', async () => {
    const answer = await http.call('GET', `/read/open-referrals?area=${encodeURIComponent(AREA_B)}`, { token: await token('wellbeing') });
    expect(answer).toEqual({ status: 403, body: { code: 'AUTH.FORBIDDEN_AREA', message: expect.any(String) } });
  });

  it('keeps the rebuild for admins', async () => {
    expect((await http.call('POST', '/admin/rebuild', { token: await token('wellbeing'), contentType: 'application/json', body: '{}' })).status).toBe(403);
    expect((await http.call('GET', '/admin/rebuild', { token: await token('admin') })).body['rebuild']).toBeNull();
  });
});
