import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { Pool } from 'pg';
import { call, devToken, identityCode, type Role } from '../support/staff-api';

const config = loadConfig();
const [HERE, THERE] = [`Polku e2e oracle ${randomUUID().slice(0, 8)}`, `Polku e2e oracle elsewhere ${randomUUID().slice(0, 8)}`];

/**
 * Registering someone tells an intake worker nothing about other areas: a client whose active
 * path another area holds gets a transfer request, not a 409. Every lookup is logged and limited.
 */
describe('no client-existence oracle at intake', () => {
  let pool: Pool;
  const tokens = new Map<string, string>();
  const token = async (area: string, role: Role, userId = `${role}.oracle`) => {
    const key = `${area}/${role}/${userId}`;
    if (!tokens.has(key)) tokens.set(key, await devToken({ userId, role, employmentArea: area }));
    return tokens.get(key) as string;
  };
  const register = async (area: string, code: string, userId?: string) =>
    call<Record<string, unknown>>('POST', '/paths', { token: await token(area, 'intake', userId), body: { identityCode: code, municipality: 'Hattula', coachId: 'coach.oracle' } });

  beforeAll(() => {
    pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
  });
  afterAll(() => pool?.end());

  it('answers a client held elsewhere with a transfer request naming neither the area nor the path, and lets the path start once it is closed', async () => {
    const code = identityCode();
    const held = await register(THERE, code);
    expect(held.status).toBe(201);
    const pathThere = held.body['pathId'] as string;

    const asked = await register(HERE, code);
    const again = await register(HERE, code);

    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: 'TRANSFER_REQUESTED', transferRequestId: expect.any(String) });
    expect(again.body['transferRequestId']).toBe(asked.body['transferRequestId']);
    const told = JSON.stringify(asked.body);
    for (const secret of [THERE, pathThere, code]) expect(told).not.toContain(secret);

    const requests = await call<{ items: Record<string, unknown>[] }>('GET', '/transfer-requests', { token: await token(THERE, 'manager') });
    expect(requests.body.items).toContainEqual(expect.objectContaining({ transferRequestId: asked.body['transferRequestId'], pathId: pathThere, requestedByArea: HERE }));

    const closed = await call('POST', `/paths/${pathThere}/exit`, { token: await token(THERE, 'coach'), body: { outcome: 'MOVED_AWAY', exitedOn: new Date().toISOString().slice(0, 10) } });
    expect(closed.status).toBe(200);
    expect((await register(HERE, code)).status).toBe(201);
    expect((await call<{ items: unknown[] }>('GET', '/transfer-requests', { token: await token(THERE, 'manager') })).body.items).not.toContainEqual(expect.objectContaining({ pathId: pathThere }));
  });

  it('still answers 409 for a second active path in one\'s own area, and logs every lookup without the code', async () => {
    const code = identityCode();
    const userId = `intake.${randomUUID().slice(0, 8)}`;
    expect((await register(HERE, code, userId)).status).toBe(201);
    const second = await register(HERE, code, userId);
    expect([second.status, second.body['code']]).toEqual([409, 'PATH.CLIENT_HAS_ACTIVE_PATH']);
    const { rows } = await pool.query(`SELECT action, employment_area, client_reference, purpose FROM access_log WHERE user_id = $1 ORDER BY access_id`, [userId]);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.action === 'IDENTITY_LOOKUP' && row.employment_area === HERE && row.client_reference.startsWith('cref_'))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it('refuses lookups past the per-user limit with 429 and Retry-After, looking nothing up', async () => {
    const userId = `intake.${randomUUID().slice(0, 8)}`;
    await pool.query(
      `INSERT INTO access_log (user_id, role, employment_area, action, purpose) SELECT $1, 'intake', $2, 'IDENTITY_LOOKUP', 'test' FROM generate_series(1, 20)`,
      [userId, HERE],
    );
    const refused = await register(HERE, identityCode(), userId);
    expect([refused.status, refused.body['code']]).toEqual([429, 'RATE.LIMITED']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM access_log WHERE user_id = $1`, [userId]);
    expect(rows[0].n).toBe(20);
  });
});
