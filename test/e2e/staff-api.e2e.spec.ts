import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@polku/config';
import { pathWorkflowId } from '@polku/contracts';
import { helsinkiDateOf } from '@polku/domain';
import { appendToStream } from '@polku/event-store';
import { eventually } from '@polku/testing';
import { connectTemporalClient } from '@polku/temporal';
import { Pool } from 'pg';
import { journey } from '../support/path-journey';
import { call, devToken, identityCode, startPath, type Role } from '../support/staff-api';

const config = loadConfig();
const today = (): string => helsinkiDateOf(new Date().toISOString());
// Reads from projections follow the event store through the relay: a generous bound on polling
// for them on a busy two-core machine, not an expectation of how long they take.
const PROJECTION_LAG_MS = 60_000;
jest.setTimeout(PROJECTION_LAG_MS + 60_000);

type PathAnswer = { path: { stage: string; status: string; version: number }; allowedCommands: string[] };

/**
 * The staff API on the running system: every command is the path workflow's Update, answered
 * with the state the event store now holds; reads come from the event store and projections.
 */
describe('staff API end to end', () => {
  const area = `E2E-alue ${randomUUID().slice(0, 8)}`;
  const coachId = `coach.${randomUUID().slice(0, 8)}`;
  const tokens: Partial<Record<Role | 'otherArea', string>> = {};
  let pool: Pool;
  const token = (role: Role | 'otherArea'): string => tokens[role] ?? '';

  const events = async (pathId: string) =>
    (await pool.query<{ type: string; metadata: { actor: { userId: string; role: string }; correlationId?: string } }>(
      'SELECT event_type AS type, metadata FROM events WHERE stream_id = $1 ORDER BY stream_version',
      [pathId],
    )).rows;

  const send = (pathId: string, route: string, body: unknown, as: Role | 'otherArea' = 'coach', headers: Record<string, string> = {}) =>
    call<PathAnswer & { code?: string }>('POST', `/paths/${pathId}/${route}`, { token: token(as), body, headers });

  beforeAll(async () => {
    pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
    for (const role of ['intake', 'coach', 'wellbeing', 'manager', 'admin'] as const) {
      tokens[role] = await devToken({ userId: role === 'coach' ? coachId : `${role}.e2e`, role, employmentArea: area });
    }
    tokens.otherArea = await devToken({ userId: coachId, role: 'coach', employmentArea: `${area} (toinen)` });
  });

  afterAll(() => pool?.end());

  it('takes a client from intake to exit, each command answered with the new state and recorded with its actor', async () => {
    const started = await startPath(token('coach'), { coachId });
    expect(started.identity).toEqual({ status: 'HELD', masked: expect.stringMatching(/^\*{6}[-+A-FU-Y]\*{3}[0-9A-Y]$/) });
    expect(started.allowedCommands).toContain('hold-initial-interview');
    expect(started.allowedCommands).not.toContain('start-assessment');

    const correlations: string[] = [];
    for (const [route, body, stage] of journey()) {
      const correlationId = `corr-${randomUUID()}`;
      correlations.push(correlationId);
      const answer = await send(started.pathId, route, body, 'coach', { 'x-correlation-id': correlationId, 'idempotency-key': randomUUID() });
      expect([route, answer.status, answer.body.path?.stage]).toEqual([route, 200, stage]);
      expect(answer.headers.get('x-correlation-id')).toBe(correlationId);
    }
    const exited = await send(started.pathId, 'record-consent', { consent: { audience: 'KELA', scope: 'follow-up', givenOn: '2026-01-01', expiresOn: '2027-01-01' } });
    expect(exited.body.path.status).toBe('EXITED');
    expect(exited.body.allowedCommands).toEqual(expect.arrayContaining(['reopen', 'record-follow-up']));
    expect(exited.body.allowedCommands).not.toContain('exit');

    const stored = await events(started.pathId);
    expect(stored.every((event) => event.metadata.actor.userId === coachId || event.metadata.actor.role === 'system')).toBe(true);
    const correlated = new Set(stored.map((event) => event.metadata.correlationId));
    expect(correlations.every((id) => correlated.has(id))).toBe(true);

    // The request log line carries the same correlation id as the events it caused.
    const apiLog = readFileSync(join(__dirname, '..', '..', '.polku', 'logs', 'api.log'), 'utf8');
    expect(apiLog).toContain(`"id":"${correlations[0]}"`);

    const details = await call<{ timeline: { type: string; version: number; actor: { userId: string } }[]; identity: { status: string } }>('GET', `/paths/${started.pathId}`, { token: token('coach') });
    expect(details.status).toBe(200);
    expect(details.body.timeline.map((entry) => entry.type)).toEqual(stored.map((event) => event.type));
    expect(details.body.identity.status).toBe('HELD');
  });

  it('serves health, Prometheus metrics and the OpenAPI document without a token', async () => {
    const { pathId } = await startPath(token('coach'), { coachId });
    await send(pathId, 'pause', { reason: 'SICK_LEAVE' });
    await send(pathId, 'pause', { reason: 'SICK_LEAVE' });
    const metrics = await call<string>('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/polku_api_commands_total\{command="PausePath",outcome="ok"\} [1-9]/);
    expect(metrics.body).toMatch(/polku_api_commands_total\{command="PausePath",outcome="PATH.PAUSED"\} [1-9]/);
    expect(metrics.body).toMatch(/polku_api_request_duration_seconds_count\{method="POST",route="\/paths\/:pathId\/:command",status="200"\} [1-9]/);
    await call('GET', '/kpis');
    expect((await call<string>('GET', '/metrics')).body).toMatch(/polku_api_request_duration_seconds_count\{method="GET",route="\/kpis",status="401"\} [1-9]/);
    const health = await call<{ status: string }>('GET', '/health');
    expect([health.status, health.body.status]).toEqual([200, 'ok']);
    const openapi = await call<{ openapi: string; paths: Record<string, unknown> }>('GET', '/docs/openapi.json');
    expect([openapi.body.openapi, Object.keys(openapi.body.paths)]).toEqual(['3.1.0', expect.arrayContaining(['/paths', '/paths/{pathId}/exit', '/kpis'])]);
  });

  it('answers a path of another area with 404 to reads and commands, and appends nothing', async () => {
    const { pathId } = await startPath(token('coach'), { coachId });
    const before = await events(pathId);
    const read = await call('GET', `/paths/${pathId}`, { token: token('otherArea') });
    const command = await send(pathId, 'start-assessment', { startedOn: '2026-01-01' }, 'otherArea');
    expect([read.status, read.body['code'], command.status, command.body.code]).toEqual([404, 'PATH.NOT_FOUND', 404, 'PATH.NOT_FOUND']);
    expect(await events(pathId)).toEqual(before);
    // Nor does it appear in that area's lists, deadlines, or an erasure by its admin.
    const otherAdmin = await devToken({ userId: 'admin.e2e', role: 'admin', employmentArea: `${area} (toinen)` });
    const deadlines = await call<{ items: { pathId: string }[] }>('GET', '/deadlines?limit=100', { token: token('otherArea') });
    expect(deadlines.body.items.map((item) => item.pathId)).not.toContain(pathId);
    const { clientReference } = (await call<{ path: { clientReference: string } }>('GET', `/paths/${pathId}`, { token: token('coach') })).body.path;
    const erase = await call<{ code: string }>('POST', `/admin/clients/${clientReference}/erase`, { token: otherAdmin, body: { reason: 'Client request (e2e)' } });
    expect([erase.status, erase.body.code]).toEqual([404, 'CLIENT.NOT_FOUND']);
    const kpis = await call<{ municipalities: unknown[] }>('GET', '/kpis?municipality=Tampere', { token: otherAdmin });
    expect(kpis.body.municipalities).toEqual([]);
  });

  it('shows wellbeing-county staff a path only once there is a legal basis to share it', async () => {
    const { pathId } = await startPath(token('coach'), { coachId, municipality: 'Pirkkala' });
    const asWellbeing = () => call<{ code?: string }>('GET', `/paths/${pathId}`, { token: token('wellbeing') });
    const listed = async () => (await call<{ items: { pathId: string }[] }>('GET', '/paths?municipality=Pirkkala&limit=100', { token: token('wellbeing') })).body.items.map((item) => item.pathId);
    expect([(await asWellbeing()).status, (await asWellbeing()).body.code]).toEqual([404, 'PATH.NOT_FOUND']);
    expect((await send(pathId, 'record-report', { about: { type: 'COACHING', serviceId: 'x' }, kind: 'START', recordedOn: today(), summary: 'Started' }, 'wellbeing')).status).toBe(404);
    expect(await listed()).not.toContain(pathId);

    for (const [route, body] of journey().slice(0, 2)) expect((await send(pathId, route, body)).status).toBe(200);
    const referral = { referralId: `ref-${randomUUID().slice(0, 8)}`, service: 'WORK_ABILITY_ASSESSMENT', legalBasis: 'MULTISECTORAL_SUPPORT', referredOn: today(), workCapacityLimitation: true };
    expect((await send(pathId, 'refer-to-wellbeing-service', referral)).status).toBe(200);
    expect((await asWellbeing()).status).toBe(200);
    await eventually(async () => ((await listed()).includes(pathId) ? true : undefined), { timeoutMs: PROJECTION_LAG_MS, what: 'the referred path in the wellbeing list' });
  });

  it('refuses a command to a role that may not send it with 403, and appends nothing', async () => {
    const { pathId } = await startPath(token('intake'), { coachId });
    const before = await events(pathId);
    const answer = await send(pathId, 'start-assessment', { startedOn: '2026-01-01' }, 'manager');
    expect([answer.status, answer.body.code]).toEqual([403, 'AUTH.FORBIDDEN_ROLE']);
    expect((await call('GET', '/kpis', { token: token('coach') })).status).toBe(403);
    expect(await events(pathId)).toEqual(before);
  });

  it('rejects a command the path state does not allow with 422 and its domain code, and appends nothing', async () => {
    const { pathId } = await startPath(token('coach'), { coachId });
    const before = await events(pathId);
    const answer = await send(pathId, 'end-wage-subsidy', { endedOn: '2026-01-01' });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({ code: 'WAGE_SUBSIDY.NOT_ONGOING', message: expect.any(String) });
    expect(await events(pathId)).toEqual(before);
  });

  it('replays a repeated Idempotency-Key with the first answer and applies the command once', async () => {
    const { pathId } = await startPath(token('coach'), { coachId });
    const key = `key-${randomUUID()}`;
    const body = { heldOn: today(), serviceNeed: 'Needs a plan' };
    const first = await send(pathId, 'hold-initial-interview', body, 'coach', { 'idempotency-key': key });
    const again = await send(pathId, 'hold-initial-interview', body, 'coach', { 'idempotency-key': key });
    expect(first.status).toBe(200);
    expect([again.status, again.body]).toEqual([200, first.body]);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect((await events(pathId)).filter((event) => event.type === 'InitialInterviewHeld')).toHaveLength(1);
    const other = await send(pathId, 'hold-initial-interview', { ...body, serviceNeed: 'Something else' }, 'coach', { 'idempotency-key': key });
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY.KEY_REUSED']);
  });

  it('starts a path once for a repeated Idempotency-Key, refuses a second active path for the client with 409, and asks another area for a transfer', async () => {
    const code = identityCode();
    const body = { identityCode: code, municipality: 'Kangasala', coachId };
    const headers = { 'idempotency-key': `start-${randomUUID()}` };
    const first = await call<{ pathId: string }>('POST', '/paths', { token: token('coach'), body, headers });
    const again = await call<{ pathId: string }>('POST', '/paths', { token: token('coach'), body, headers });
    expect([first.status, again.status, again.body.pathId]).toEqual([201, 201, first.body.pathId]);
    const started = await pool.query(`SELECT count(*)::int AS n FROM events WHERE event_type = 'PathStarted' AND data->>'municipality' = 'Kangasala' AND data->>'employmentArea' = $1`, [area]);
    expect(started.rows[0].n).toBe(1);
    const second = await call<{ code: string }>('POST', '/paths', { token: token('coach'), body });
    expect([second.status, second.body.code]).toEqual([409, 'PATH.CLIENT_HAS_ACTIVE_PATH']);
    // The same user id and key signed in for another area is another caller: no replay of this
    // area's path, and (the client being held here) a transfer request rather than a 409.
    const elsewhere = await call<{ status: string; pathId?: string }>('POST', '/paths', { token: token('otherArea'), body, headers });
    expect([elsewhere.status, elsewhere.body.status, elsewhere.body.pathId, elsewhere.headers.get('idempotent-replay')]).toEqual([202, 'TRANSFER_REQUESTED', undefined, null]);
    expect(JSON.stringify(second.body)).not.toContain(code);
  });

  it('recovers from a write behind the workflow\'s back: the command is decided again on the stored state, applied once', async () => {
    const { pathId, path } = await startPath(token('coach'), { coachId });
    // Someone else wrote to the stream behind the workflow's back: its next append conflicts.
    await appendToStream(pool, pathId, path.version, [
      { eventId: randomUUID(), type: 'CoachReassigned', data: { fromCoachId: coachId, toCoachId: 'someone.else' }, metadata: { occurredAt: new Date().toISOString(), actor: { userId: 'ops', role: 'admin' } } },
    ]);
    const answer = await send(pathId, 'hold-initial-interview', { heldOn: today(), serviceNeed: 'Needs a plan' });
    expect(answer.status).toBe(200);
    const types = (await pool.query('SELECT event_type FROM events WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version', [pathId, path.version])).rows.map((row) => row.event_type);
    expect(answer.body.path).toMatchObject({ coachId: 'someone.else', version: path.version + types.length });
    expect(types.filter((type) => type === 'InitialInterviewHeld')).toHaveLength(1);
    expect(types[0]).toBe('CoachReassigned');
  });

  it('brings back a path whose workflow has closed: the command runs on the state folded from the event store', async () => {
    const { pathId, path } = await startPath(token('coach'), { coachId });
    const temporal = await connectTemporalClient(config.temporal);
    try {
      await temporal.workflow.getHandle(pathWorkflowId(pathId)).terminate('closed for the test');
      const answer = await send(pathId, 'hold-initial-interview', { heldOn: today(), serviceNeed: 'Back after a break' });
      expect([answer.status, answer.body.path.version > path.version]).toEqual([200, true]);
      const versions = (await pool.query<{ v: number }>('SELECT stream_version AS v FROM events WHERE stream_id = $1 ORDER BY 1', [pathId])).rows.map((row) => row.v);
      expect(versions).toEqual(versions.map((_, index) => index + 1));
      expect((await temporal.workflow.getHandle(pathWorkflowId(pathId)).describe()).status.name).toBe('RUNNING');
    } finally {
      await temporal.connection.close();
    }
  });

  it('lists the area’s paths by filter, a page at a time, and the coach’s caseload', async () => {
    const started = [await startPath(token('coach'), { coachId, municipality: 'Nokia' }), await startPath(token('coach'), { coachId, municipality: 'Nokia' })];
    const ids = started.map((path) => path.pathId).sort();
    const listed = await eventually(async () => {
      const page = await call<{ items: { pathId: string }[]; nextCursor: string | null }>('GET', `/paths?municipality=Nokia&stage=INTAKE&coachId=${coachId}&limit=1`, { token: token('manager') });
      return page.body.items.length === 1 && page.body.nextCursor ? page.body : undefined;
    }, { timeoutMs: PROJECTION_LAG_MS, what: 'the projection to list the new paths' });
    const second = await call<{ items: { pathId: string }[] }>('GET', `/paths?municipality=Nokia&stage=INTAKE&coachId=${coachId}&limit=1&cursor=${listed.nextCursor}`, { token: token('manager') });
    expect([listed.items[0]?.pathId, second.body.items[0]?.pathId].sort()).toEqual(ids);
    // A cursor the API did not issue (an impossible date, year 0, a NUL) reads from the start.
    for (const forged of [{ r: '2026-02-30', p: ids[0] }, { r: '0000-01-01', p: ids[0] }, { r: '2026-01-01', p: 'a\u0000' }]) {
      const cursor = Buffer.from(JSON.stringify(forged)).toString('base64url');
      const page = await call<{ items: { pathId: string }[] }>('GET', `/paths?municipality=Nokia&coachId=${coachId}&cursor=${cursor}`, { token: token('manager') });
      expect([page.status, page.body.items.map((item) => item.pathId).sort()]).toEqual([200, ids]);
    }
    const caseload = await call<{ items: { pathId: string }[] }>('GET', '/me/caseload?limit=100', { token: token('coach') });
    expect(caseload.body.items.map((item) => item.pathId)).toEqual(expect.arrayContaining(ids));
    const elsewhere = await call<{ items: unknown[] }>('GET', '/paths?municipality=Nokia', { token: token('otherArea') });
    expect(elsewhere.body.items).toEqual([]);
    const upcoming = await call<{ items: { pathId: string; rule: string }[] }>('GET', '/deadlines?window=upcoming&limit=100', { token: token('coach') });
    expect(upcoming.body.items.filter((item) => ids.includes(item.pathId)).map((item) => item.rule)).toContain('INIT-INTERVIEW');
  });

  it('reports KPIs of the area to its manager: exits by outcome and the goal-attained share', async () => {
    const { pathId } = await startPath(token('coach'), { coachId, municipality: 'Ylöjärvi' });
    for (const [route, body] of journey()) expect((await send(pathId, route, body)).status).toBe(200);
    type Figures = { municipality: string | null; exits: number | null; goalAttainedShare: number | null; exitsByOutcome: Record<string, number | null> };
    const report = await eventually(async () => {
      const answer = await call<{ municipalities: { municipality: string; current: Figures }[] }>('GET', '/kpis?municipality=Ylöjärvi', { token: token('manager') });
      return answer.body.municipalities.some((row) => row.current.exits !== 0) ? answer.body : undefined;
    }, { timeoutMs: PROJECTION_LAG_MS, what: 'the KPI projection to count the exit' });
    // One exit is a small cell: suppressed, and so is the share it would give away (docs/erasure.md).
    expect(report.municipalities).toEqual([expect.objectContaining({ municipality: 'Ylöjärvi', current: expect.objectContaining({ exits: null, goalAttainedShare: null, exitsByOutcome: expect.objectContaining({ EMPLOYED_OPEN_MARKET: null }) }) })]);
  });

  it('shows a training area’s interview reminder in the coach’s notifications, which the coach marks read', async () => {
    const trainee = `trainee.${randomUUID().slice(0, 8)}`;
    const training = await devToken({ userId: trainee, role: 'coach', employmentArea: 'Harjoitusalue' });
    const { pathId, path } = await startPath(training, { coachId: trainee });
    expect(path['policyVersion']).toBe('TRAINING-1');
    type Listed = { items: { notificationId: string; pathId: string; rule: string; kind: string; readAt: string | null }[] };
    const reminder = await eventually(async () => {
      const answer = await call<Listed>('GET', '/me/notifications?unread=true', { token: training });
      return answer.body.items.find((item) => item.pathId === pathId && item.kind === 'REMINDER');
    }, { timeoutMs: 45_000, what: 'the training reminder' });
    expect(reminder.rule).toBe('INIT-INTERVIEW');
    const read = await call<{ readAt: string }>('POST', `/me/notifications/${reminder.notificationId}/read`, { token: training });
    expect(read.status).toBe(200);
    const unread = await call<Listed>('GET', '/me/notifications?unread=true', { token: training });
    expect(unread.body.items.map((item) => item.notificationId)).not.toContain(reminder.notificationId);
    expect((await call('POST', `/me/notifications/${reminder.notificationId}/read`, { token: token('coach') })).status).toBe(404);
  });

  it('erases a client’s identity code on an admin’s request: the path then shows as erased', async () => {
    const { pathId, clientReference } = await startPath(token('coach'), { coachId });
    expect((await call('POST', `/admin/clients/${clientReference}/erase`, { token: token('coach'), body: { reason: 'Client request (e2e)' } })).status).toBe(403);
    const erased = await eventually(async () => {
      const answer = await call<{ erasedAt: string; clientReference: string }>('POST', `/admin/clients/${clientReference}/erase`, { token: token('admin'), body: { reason: 'Client request (e2e)' } });
      return answer.status === 200 ? answer.body : undefined;
    }, { what: 'the erasure (once the path summary names the client)' });
    expect(erased.clientReference).toBe(clientReference);
    const details = await call<{ identity: unknown }>('GET', `/paths/${pathId}`, { token: token('coach') });
    expect(details.body.identity).toEqual({ status: 'ERASED', erasedAt: erased.erasedAt });
    const { rows } = await pool.query('SELECT wrapped_key, code_ciphertext, blind_index FROM client_identities WHERE client_reference = $1', [clientReference]);
    expect(rows).toEqual([{ wrapped_key: null, code_ciphertext: null, blind_index: null }]);
  });
});
