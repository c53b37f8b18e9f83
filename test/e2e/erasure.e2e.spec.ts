import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { helsinkiDateOf } from '@polku/domain';
import { IdentityVault } from '@polku/identity';
import { Pool } from 'pg';
import { journey } from '../support/path-journey';
import { call, devToken, identityCode } from '../support/staff-api';

const config = loadConfig();
jest.setTimeout(180_000);

type Started = { pathId: string; clientReference: string; code?: string };

/**
 * Erasure on the running system (docs/erasure.md): who may erase, a registration whose path
 * never started, the one-active-path rule after an erasure, and the audit of each erasure.
 */
describe('erasure end to end', () => {
  const run = randomUUID().slice(0, 8);
  const [areaA, areaB] = [`E2E-poisto A ${run}`, `E2E-poisto B ${run}`];
  const tokens = new Map<string, string>();
  const reason = 'Asiakkaan poistopyyntö (e2e)';
  let pool: Pool;
  let vault: IdentityVault;

  const token = (role: 'coach' | 'admin', area: string) => tokens.get(`${role}|${area}`) ?? '';
  const start = (code: string, area: string) =>
    call<Started & { code?: string }>('POST', '/paths', { token: token('coach', area), body: { identityCode: code, municipality: 'Hattula', coachId: `coach.${run}` } });
  const exitPath = async (pathId: string, area: string) => {
    for (const [route, body] of journey()) expect([route, (await call('POST', `/paths/${pathId}/${route}`, { token: token('coach', area), body })).status]).toEqual([route, 200]);
  };
  const erase = (clientReference: string, area: string, headers: Record<string, string> = {}) =>
    call<{ code?: string; clientReference?: string; erasedAt?: string }>('POST', `/admin/clients/${clientReference}/erase`, { token: token('admin', area), body: { reason }, headers });
  const auditOf = async (clientReference: string) => (await pool.query('SELECT * FROM erasure_audit WHERE client_reference = $1 ORDER BY audit_id', [clientReference])).rows;

  beforeAll(async () => {
    pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
    vault = new IdentityVault(pool, config.identity);
    for (const area of [areaA, areaB]) {
      tokens.set(`coach|${area}`, await devToken({ userId: `coach.${run}`, role: 'coach', employmentArea: area }));
      tokens.set(`admin|${area}`, await devToken({ userId: `admin.${run}`, role: 'admin', employmentArea: area }));
    }
  });
  afterAll(() => pool?.end());

  it('needs a reason, erases for the area’s admin and audits who, when, which client, which area and why', async () => {
    const code = identityCode();
    const started = (await start(code, areaA)).body;
    const noReason = await call<{ code: string }>('POST', `/admin/clients/${started.clientReference}/erase`, { token: token('admin', areaA), body: {} });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION.INVALID_BODY']);
    const erased = await erase(started.clientReference, areaA, { 'x-correlation-id': `corr-erase-${run}` });
    expect([erased.status, erased.body.clientReference]).toEqual([200, started.clientReference]);
    expect(await auditOf(started.clientReference)).toEqual([
      expect.objectContaining({ actor_user_id: `admin.${run}`, actor_role: 'admin', employment_area: areaA, client_area: areaA, reason, requested_by: 'CLIENT_REFERENCE', correlation_id: `corr-erase-${run}`, first_erasure: true }),
    ]);
    expect(JSON.stringify(await auditOf(started.clientReference))).not.toContain(code.slice(0, 6));
    const details = await call<{ identity: unknown }>('GET', `/paths/${started.pathId}`, { token: token('coach', areaA) });
    expect(details.body.identity).toEqual({ status: 'ERASED', erasedAt: erased.body.erasedAt });
  });

  it('lets only the area now answerable for the client erase: the area it left gets 404 and nothing changes', async () => {
    const code = identityCode();
    const first = (await start(code, areaA)).body;
    await exitPath(first.pathId, areaA);
    const again = await start(code, areaB);
    expect([again.status, again.body.clientReference]).toEqual([201, first.clientReference]);
    const refused = await erase(first.clientReference, areaA);
    expect([refused.status, refused.body]).toEqual([404, { code: 'CLIENT.NOT_FOUND', message: 'No such client in your employment area.' }]);
    expect(await vault.status(first.clientReference)).toMatchObject({ status: 'HELD' });
    expect(await auditOf(first.clientReference)).toEqual([]);
    expect((await erase(first.clientReference, areaB)).status).toBe(200);
  });

  it('keeps an erased client with an active path from a second active path, anywhere, until that path exits', async () => {
    const code = identityCode();
    const first = (await start(code, areaA)).body;
    expect((await erase(first.clientReference, areaA)).status).toBe(200);
    const again = await start(code, areaA);
    expect([again.status, again.body.code]).toEqual([409, 'PATH.CLIENT_HAS_ACTIVE_PATH']);
    // Another area: no path either (the paths slice answers a client held elsewhere with a
    // transfer request, 202, or the conflict, 409), and nothing left behind: no new registration.
    const elsewhere = await start(code, areaB);
    expect([409, 202]).toContain(elsewhere.status);
    expect((await pool.query(`SELECT 1 FROM events WHERE event_type = 'PathStarted' AND data->>'employmentArea' = $1 AND data->>'clientReference' = $2`, [areaB, first.clientReference])).rowCount).toBe(0);
    expect(await vault.find(code)).toBeUndefined();
    await exitPath(first.pathId, areaA);
    const reopened = await call<{ code: string }>('POST', `/paths/${first.pathId}/reopen`, { token: token('coach', areaA), body: { reopenedOn: helsinkiDateOf(new Date().toISOString()), reason: 'came back' } });
    expect([reopened.status, reopened.body.code]).toEqual([409, 'PATH.CLIENT_HAS_ACTIVE_PATH']);
    const afterExit = await start(code, areaB);
    expect(afterExit.status).toBe(201);
    expect(afterExit.body.clientReference).not.toBe(first.clientReference);
  });

  it('erases by identity code a registration whose path never started, for an admin of any area', async () => {
    const code = identityCode();
    // What a failed start leaves: the code registered in the vault, no PathStarted anywhere.
    const { clientReference } = await vault.register(code);
    const invalid = await call<{ code: string }>('POST', '/admin/clients/erase', { token: token('admin', areaB), body: { identityCode: `${code.slice(0, 10)}Q`, reason } });
    expect([invalid.status, invalid.body.code]).toEqual([400, 'IDENTITY.INVALID_CODE']);
    const erased = await call<{ clientReference: string }>('POST', '/admin/clients/erase', { token: token('admin', areaB), body: { identityCode: code, reason } });
    expect([erased.status, erased.body.clientReference]).toEqual([200, clientReference]);
    expect(JSON.stringify(erased.body)).not.toContain(code);
    expect(await vault.status(clientReference)).toMatchObject({ status: 'ERASED' });
    expect(await auditOf(clientReference)).toEqual([expect.objectContaining({ employment_area: areaB, client_area: null, requested_by: 'IDENTITY_CODE' })]);
    const gone = await call<{ code: string }>('POST', '/admin/clients/erase', { token: token('admin', areaB), body: { identityCode: code, reason } });
    expect([gone.status, gone.body.code]).toEqual([404, 'CLIENT.NOT_FOUND']);
  });

  it('answers an admin of another area erasing by code like an unknown code', async () => {
    const code = identityCode();
    const started = (await start(code, areaA)).body;
    const refused = await call<{ code: string }>('POST', '/admin/clients/erase', { token: token('admin', areaB), body: { identityCode: code, reason } });
    const unknown = await call<{ code: string }>('POST', '/admin/clients/erase', { token: token('admin', areaB), body: { identityCode: identityCode(), reason } });
    expect([refused.status, refused.body]).toEqual([unknown.status, unknown.body]);
    expect(await vault.status(started.clientReference)).toMatchObject({ status: 'HELD' });
  });
});
