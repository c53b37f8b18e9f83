import { randomUUID } from 'node:crypto';
import { startTestIssuer, type TestIssuer, type TestTokenOptions } from '@polku/auth/testing';
import { caughtUp, cloudEvent, produceAsRelay, startReadTestApp, testNames, type ConsumerHttp, type ReadTestApp } from '@polku/consumer/testing';
import { Topics } from '@polku/contracts';
import { eventually } from '@polku/testing';
import { MUNICIPAL_CONSUMER } from './municipal-consumer.module';
import { MunicipalReadController } from './municipal-read.controller';

const names = testNames('municipal');
const [AREA_A, AREA_B] = [`Alue A ${randomUUID()}`, `Alue B ${randomUUID()}`];
let test: ReadTestApp;
let issuer: TestIssuer;
let http: ConsumerHttp;

const token = (role: TestTokenOptions['role'], employmentArea = AREA_A) => issuer.token({ role, employmentArea });
const started = (area: string) => cloudEvent('PathStarted', 'municipal', `path-${randomUUID()}`, 1, { clientReference: `cref_${randomUUID().replace(/-/g, '')}`, employmentArea: area, municipality: 'Hattula', registeredOn: '2026-03-02' });
const exited = (pathId: string) => cloudEvent('PathExited', 'municipal', pathId, 2, { exitedOn: '2026-04-30', goalAttained: true, outcomeCategory: 'EMPLOYED_OPEN_MARKET' });

beforeAll(async () => {
  test = await startReadTestApp(MUNICIPAL_CONSUMER, MunicipalReadController, names);
  ({ issuer, http } = test);
  const app = test.started;
  await caughtUp(app.consumer, Topics.municipal);
  const [a1, a2, b1] = [started(AREA_A), started(AREA_A), started(AREA_B)];
  const events = [a1, a2, b1, exited(a2.subject), exited(b1.subject)];
  await produceAsRelay(Topics.municipal, events.map((event) => ({ key: event.subject, value: JSON.stringify(event) })));
  const applied = 'SELECT count(*)::int AS n FROM paths WHERE path_id = $1 OR (path_id = ANY($2) AND status = $3)';
  await eventually(async () => ((await app.pool.query(applied, [a1.subject, [a2.subject, b1.subject], 'EXITED'])).rows[0]?.n === 3 ? true : undefined), { timeoutMs: 30_000, what: 'the test paths in the read model' });
}, 180_000);

afterAll(async () => {
  await test?.close();
});

const READS = ['/read/active-paths-by-stage', '/read/exits-by-outcome'];

describe('the municipal consumer\'s read endpoints (staff tokens, area scope)', () => {
  it.each(READS)('%s answers 401 without a token, with a malformed header, or with a token of another issuer', async (path) => {
    expect(await http.call('GET', path)).toEqual({ status: 401, body: { code: 'AUTH.MISSING_TOKEN', message: expect.any(String) } });
    expect((await http.call('GET', path, { token: 'not-a-jwt' })).body['code']).toBe('AUTH.INVALID_TOKEN');
    const stranger = await startTestIssuer();
    try {
      expect((await http.call('GET', path, { token: await stranger.token({ role: 'manager', employmentArea: AREA_A }) })).body['code']).toBe('AUTH.INVALID_TOKEN');
    } finally {
      await stranger.close();
    }
  });

  it.each(READS.flatMap((path) => (['wellbeing', 'intake', 'admin'] as const).map((role) => [path, role] as const)))('%s answers 403 to the %s role', async (path, role) => {
    expect(await http.call('GET', path, { token: await token(role) })).toEqual({ status: 403, body: { code: 'AUTH.FORBIDDEN_ROLE', message: 'This needs one of the roles: manager, coach.' } });
  });

  it('shows a manager and a coach their own area\'s figures only', async () => {
    expect(await http.call('GET', '/read/active-paths-by-stage', { token: await token('manager') })).toEqual({ status: 200, body: { area: AREA_A, stages: { INTAKE: 1, ASSESSMENT: 0, WORK_TRIAL: 0, WAGE_SUBSIDY: 0 } } });
    expect(await http.call('GET', '/read/active-paths-by-stage', { token: await token('coach', AREA_B) })).toEqual({ status: 200, body: { area: AREA_B, stages: { INTAKE: 0, ASSESSMENT: 0, WORK_TRIAL: 0, WAGE_SUBSIDY: 0 } } });
    const exits = { exits: [{ month: '2026-04', outcomeCategory: 'EMPLOYED_OPEN_MARKET', count: 1 }] };
    expect(await http.call('GET', '/read/exits-by-outcome', { token: await token('coach') })).toEqual({ status: 200, body: { area: AREA_A, ...exits } });
  });

  it('refuses to read another area named in ?area=, and takes the token\'s own', async () => {
    const manager = await token('manager');
    const other = await http.call('GET', `/read/exits-by-outcome?area=${encodeURIComponent(AREA_B)}`, { token: manager });
    expect(other).toEqual({ status: 403, body: { code: 'AUTH.FORBIDDEN_AREA', message: expect.any(String) } });
    expect(JSON.stringify(other.body)).not.toContain(AREA_B);
    expect((await http.call('GET', `/read/exits-by-outcome?area=${encodeURIComponent(AREA_A)}&area=${encodeURIComponent(AREA_B)}`, { token: manager })).status).toBe(403);
    expect((await http.call('GET', `/read/exits-by-outcome?area=${encodeURIComponent(AREA_A)}`, { token: manager })).body['area']).toBe(AREA_A);
  });

  it('keeps /health open for the supervisor', async () => {
    expect((await http.call('GET', '/health')).status).toBe(200);
  });
});

describe('the municipal consumer\'s rebuild endpoint (admins, JSON only)', () => {
  const post = (options: { token?: string; body?: string; contentType?: string }) => http.call('POST', '/admin/rebuild', options);
  const rebuildStatus = async () => (await http.call('GET', '/admin/rebuild', { token: await token('admin') })).body['rebuild'];

  it('answers 401 without a token and 403 to anyone but an admin, for the status too', async () => {
    expect((await post({ contentType: 'application/json', body: '{}' })).body['code']).toBe('AUTH.MISSING_TOKEN');
    for (const role of ['manager', 'coach', 'wellbeing'] as const) {
      expect((await post({ token: await token(role), contentType: 'application/json', body: '{}' })).status).toBe(403);
      expect((await http.call('GET', '/admin/rebuild', { token: await token(role) })).status).toBe(403);
    }
    expect(await rebuildStatus()).toBeNull();
  });

  it.each([
    ['an HTML form', 'application/x-www-form-urlencoded', 'a=1', 415, 'REQUEST.NOT_JSON'],
    ['text/plain (what a cross-site fetch may send unasked)', 'text/plain', '{}', 415, 'REQUEST.NOT_JSON'],
    ['no content type at all', undefined, undefined, 415, 'REQUEST.NOT_JSON'],
    ['JSON that does not parse', 'application/json', '{"a":', 400, 'REQUEST.MALFORMED_JSON'],
  ])('refuses an admin\'s POST with %s, starting nothing', async (_what, contentType, body, status, code) => {
    const answer = await post({ token: await token('admin'), ...(contentType === undefined ? {} : { contentType }), ...(body === undefined ? {} : { body }) });
    expect(answer).toEqual({ status, body: { code, message: expect.any(String) } });
    expect(await rebuildStatus()).toBeNull();
  });

  it('rebuilds for an admin (202), refuses a second start with 409, and serves the same figures after the swap', async () => {
    const manager = await token('manager');
    const before = await http.call('GET', '/read/active-paths-by-stage', { token: manager });
    const accepted = await post({ token: await token('admin', 'Toinen alue'), contentType: 'application/json; charset=utf-8', body: '{}' });
    expect(accepted.status).toBe(202);
    expect(accepted.body['rebuild']).toMatchObject({ state: 'FILLING' });
    const again = await post({ token: await token('admin'), contentType: 'application/json', body: '{}' });
    expect(again).toEqual({ status: 409, body: { code: 'REBUILD.IN_PROGRESS', message: expect.any(String) } });
    await eventually(async () => ((await rebuildStatus()) as { state?: string } | null)?.state === 'DONE' || undefined, { timeoutMs: 150_000, what: 'the rebuild to finish' });
    expect(await http.call('GET', '/read/active-paths-by-stage', { token: manager })).toEqual(before);
  }, 180_000);
});
