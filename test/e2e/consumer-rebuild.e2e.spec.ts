import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { helsinkiDateOf } from '@polku/domain';
import { eventually } from '@polku/testing';
import { call, devToken, startPath, type Role } from '../support/staff-api';

const config = loadConfig();
const CONSUMERS = {
  municipal: { base: `http://${config.api.host}:${config.municipalConsumer.port}`, read: '/read/active-paths-by-stage', reader: 'manager' },
  wellbeing: { base: `http://${config.api.host}:${config.wellbeingConsumer.port}`, read: '/read/open-referrals', reader: 'wellbeing' },
} as const;

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

async function request(url: string, init: { method?: string; token?: string; contentType?: string; body?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
  if (init.contentType !== undefined) headers['content-type'] = init.contentType;
  const response = await fetch(url, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: init.body }) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

const tokenFor = (role: Role, employmentArea: string) => devToken({ userId: `${role}-rebuild-e2e`, role, employmentArea });

/** A path in the area, referred to the wellbeing county on the multisectoral basis: a row on both consumers. */
async function referredPath(area: string): Promise<void> {
  const coach = await tokenFor('coach', area);
  const { pathId } = await startPath(coach, { municipality: 'Hattula', coachId: 'coach-e2e' });
  const on = helsinkiDateOf(new Date().toISOString());
  for (const [route, body] of [
    ['hold-initial-interview', { heldOn: on, serviceNeed: 'assessment', employmentPlan: { applicationsPerMonth: 3, goals: ['work ability'] } }],
    ['start-assessment', { startedOn: on }],
    ['refer-to-wellbeing-service', { referralId: `ref-${randomUUID()}`, service: 'WORK_ABILITY_ASSESSMENT', legalBasis: 'MULTISECTORAL_SUPPORT', referredOn: on, workCapacityLimitation: true }],
  ] as const) {
    const answer = await call('POST', `/paths/${pathId}/${route}`, { token: coach, body });
    if (answer.status !== 200) throw new Error(`${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** The read answer shows the path: in ASSESSMENT on the municipal consumer, one open referral on the wellbeing one. */
const showsThePath = (answer: Answer) =>
  (answer.body['stages'] as Record<string, number> | undefined)?.['ASSESSMENT'] === 1 || (answer.body['referrals'] as unknown[] | undefined)?.length === 1;
const stateOf = (answer: Answer) => (answer.body['rebuild'] as { state?: string; startedAt?: string } | null)?.state;

/** POST /admin/rebuild on the running consumer apps, with dev-issuer tokens. */
describe.each(Object.entries(CONSUMERS))('the %s consumer\'s rebuild on the running system', (_name, consumer) => {
  const area = `Rebuild-alue ${randomUUID()}`;

  it('refuses a rebuild without an admin token or without a JSON body, starting nothing', async () => {
    const admin = await tokenFor('admin', area);
    const before = await request(`${consumer.base}/admin/rebuild`, { token: admin });
    expect(before.status).toBe(200);
    const refusals = [
      await request(`${consumer.base}/admin/rebuild`, { method: 'POST', contentType: 'application/json', body: '{}' }),
      await request(`${consumer.base}/admin/rebuild`, { method: 'POST', token: await tokenFor(consumer.reader, area), contentType: 'application/json', body: '{}' }),
      await request(`${consumer.base}/admin/rebuild`, { method: 'POST', token: admin, contentType: 'text/plain', body: '{}' }),
    ];
    expect(refusals.map((answer) => [answer.status, answer.body['code']])).toEqual([
      [401, 'AUTH.MISSING_TOKEN'],
      [403, 'AUTH.FORBIDDEN_ROLE'],
      [415, 'REQUEST.NOT_JSON'],
    ]);
    expect((await request(`${consumer.base}/admin/rebuild`, { token: admin })).body['rebuild']).toEqual(before.body['rebuild']);
  });

  it('rebuilds beside the live read model: reads answer the same all along and after the swap', async () => {
    await referredPath(area);
    const reader = await tokenFor(consumer.reader, area);
    const read = () => request(`${consumer.base}${consumer.read}`, { token: reader });
    const settled = await eventually(async () => {
      const answer = await read();
      return showsThePath(answer) ? answer : undefined;
    }, { timeoutMs: 30_000, what: 'the read model to show the new path' });

    const started = await request(`${consumer.base}/admin/rebuild`, { method: 'POST', token: await tokenFor('admin', area), contentType: 'application/json', body: '{}' });
    expect(started.status).toBe(202);
    const reads: Answer[] = [];
    const done = await eventually(async () => {
      reads.push(await read());
      const status = await request(`${consumer.base}/admin/rebuild`, { token: await tokenFor('admin', area) });
      return stateOf(status) === 'DONE' || stateOf(status) === 'FAILED' ? status : undefined;
    }, { timeoutMs: 120_000, intervalMs: 100, what: 'the rebuild to finish' });
    expect(stateOf(done)).toBe('DONE');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((answer) => JSON.stringify(answer) === JSON.stringify(settled))).toBe(true);
    expect(await read()).toEqual(settled);
  }, 150_000);
});
