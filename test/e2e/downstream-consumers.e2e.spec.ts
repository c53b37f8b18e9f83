import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { helsinkiDateOf } from '@polku/domain';
import { eventually } from '@polku/testing';
import { call, devToken, startPath as startPathThroughApi, type Role } from '../support/staff-api';

const config = loadConfig();
const municipal = `http://${config.api.host}:${config.municipalConsumer.port}`;
const wellbeing = `http://${config.api.host}:${config.wellbeingConsumer.port}`;
const WELLBEING_AREA = 'Hämeenlinnan seudun työllisyysalue';

/** A consumer endpoint as staff call it: a dev-issuer token in the Authorization header. */
async function consumerCall(url: string, token?: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers = { ...(init.headers as Record<string, string> | undefined), ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) };
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

async function getJson<T>(url: string, token: string): Promise<T> {
  const { status, body } = await consumerCall(url, token);
  if (status !== 200) throw new Error(`${url} answered ${status} ${JSON.stringify(body)}`);
  return body as T;
}

const tokenFor = (role: Role, employmentArea: string) => devToken({ userId: `${role}-e2e`, role, employmentArea });

async function startPath(employmentArea: string): Promise<string> {
  const token = await tokenFor('coach', employmentArea);
  return (await startPathThroughApi(token, { municipality: 'Hattula', coachId: 'coach-e2e' })).pathId;
}

/** API → workflow → event store → relay → Kafka → each downstream consumer's read model. */
describe('downstream consumers end to end', () => {
  it('shows a path started on the API in INTAKE to a manager of its area on the municipal read endpoint', async () => {
    // An area of this test's own, so the counts are only this path's.
    const area = `E2E-alue ${randomUUID()}`;
    await startPath(area);
    const manager = await tokenFor('manager', area);
    const counts = await eventually(async () => {
      const body = await getJson<{ stages: Record<string, number> }>(`${municipal}/read/active-paths-by-stage`, manager);
      return body.stages['INTAKE'] === 1 ? body : undefined;
    }, { timeoutMs: 30_000, what: 'the path in INTAKE on the municipal consumer' });
    expect(counts).toEqual({ area, stages: { INTAKE: 1, ASSESSMENT: 0, WORK_TRIAL: 0, WAGE_SUBSIDY: 0 } });
  });

  it('shows a multisectoral-support referral to wellbeing staff of the area only', async () => {
    const pathId = await startPath(WELLBEING_AREA);
    const coach = await tokenFor('coach', WELLBEING_AREA);
    const on = helsinkiDateOf(new Date().toISOString());
    const referralId = `ref-${randomUUID()}`;
    for (const [route, body] of [
      ['hold-initial-interview', { heldOn: on, serviceNeed: 'assessment', employmentPlan: { applicationsPerMonth: 3, goals: ['work ability'] } }],
      ['start-assessment', { startedOn: on }],
      ['refer-to-wellbeing-service', { referralId, service: 'WORK_ABILITY_ASSESSMENT', legalBasis: 'MULTISECTORAL_SUPPORT', referredOn: on, workCapacityLimitation: true }],
    ] as const) {
      const answer = await call('POST', `/paths/${pathId}/${route}`, { token: coach, body });
      if (answer.status !== 200) throw new Error(`${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    const county = await tokenFor('wellbeing', WELLBEING_AREA);
    const referral = await eventually(async () => {
      const { referrals } = await getJson<{ referrals: { referralId: string }[] }>(`${wellbeing}/read/open-referrals`, county);
      return referrals.find((row) => row.referralId === referralId);
    }, { timeoutMs: 30_000, what: `referral ${referralId} on the wellbeing consumer` });
    expect(referral).toEqual({ referralId, pathId, service: 'WORK_ABILITY_ASSESSMENT', legalBasis: 'MULTISECTORAL_SUPPORT', referredOn: on, workCapacityLimitation: true });

    const elsewhere = await getJson<{ referrals: { pathId: string }[] }>(`${wellbeing}/read/open-referrals`, await tokenFor('wellbeing', `Muu alue ${randomUUID()}`));
    expect(elsewhere.referrals).toEqual([]);
    expect((await consumerCall(`${wellbeing}/read/open-referrals`, coach)).status).toBe(403);
  });

  it.each([
    ['municipal', `${municipal}/read/active-paths-by-stage`],
    ['municipal', `${municipal}/read/exits-by-outcome`],
    ['wellbeing', `${wellbeing}/read/open-referrals`],
    ['wellbeing', `${wellbeing}/read/rehab-periods`],
  ])('answers the %s read %s only with a token', async (_consumer, url) => {
    expect(await consumerCall(url)).toEqual({ status: 401, body: { code: 'AUTH.MISSING_TOKEN', message: expect.any(String) } });
  });
});
