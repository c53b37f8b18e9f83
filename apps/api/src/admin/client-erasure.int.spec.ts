import { randomInt, randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { appendToStream } from '@polku/event-store';
import { IdentityVault } from '@polku/identity';
import type { Pool } from 'pg';
import type { StaffUser } from '../auth/staff-user';
import type { ApiError } from '../http/api-error';
import { IdempotencyStore } from '../idempotency/idempotency.store';
import type { AppConfig } from '../infrastructure/connections';
import { eraseClient, type ErasureDeps, type ErasureRequest } from './client-erasure';
import { isolatedSchema } from './testing/isolated-schema';

const config = loadConfig();
const admin = (employmentArea: string): StaffUser => ({ userId: 'admin.erasure', role: 'admin', employmentArea });

/** A valid code (1900s, individual number 002–899). */
function code(): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const digits = `${pad(randomInt(1, 29))}${pad(randomInt(1, 13))}${pad(randomInt(50, 100))}${pad(randomInt(2, 900), 3)}`;
  return `${digits.slice(0, 6)}-${digits.slice(6)}${'0123456789ABCDEFHJKLMNPRSTUVWXY'.charAt(Number(digits) % 31)}`;
}

/**
 * Erasure as one transaction on the real PostgreSQL: scope, vault, audit and kept answers. Paths
 * are their PathStarted events and active-path rows, in a schema of the test's own.
 */
describe('client erasure on the real PostgreSQL', () => {
  let pool: Pool;
  let drop: () => Promise<void>;
  let deps: ErasureDeps;

  beforeAll(async () => {
    ({ pool, drop } = await isolatedSchema(config.databaseUrl, 'erasure_t'));
    deps = { pool, vault: new IdentityVault(pool, config.identity), idempotency: new IdempotencyStore(pool, { values: config } as AppConfig) };
  });
  afterAll(() => drop?.());

  async function client(): Promise<{ clientReference: string; code: string }> {
    const identityCode = code();
    return { clientReference: (await deps.vault.register(identityCode)).clientReference, code: identityCode };
  }

  /** A path of the client in `area`: its PathStarted, and its active-path row unless exited. */
  async function path(clientReference: string, area: string, active: boolean): Promise<string> {
    const pathId = randomUUID();
    await appendToStream(pool, pathId, 0, [{ eventId: randomUUID(), type: 'PathStarted', data: { pathId, clientReference, employmentArea: area, municipality: 'Hattula' } }]);
    if (active) await pool.query('INSERT INTO client_active_paths (client_reference, path_id) VALUES ($1, $2)', [clientReference, pathId]);
    return pathId;
  }

  const request = (clientReference: string, area: string, overrides: Partial<ErasureRequest> = {}): ErasureRequest => ({
    clientReference,
    requestedBy: 'CLIENT_REFERENCE',
    reason: 'Asiakkaan poistopyyntö 3.3.2026',
    admin: admin(area),
    correlationId: `corr-${randomUUID()}`,
    ...overrides,
  });
  const auditOf = async (clientReference: string) =>
    (await pool.query('SELECT * FROM erasure_audit WHERE client_reference = $1 ORDER BY audit_id', [clientReference])).rows;
  const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: ApiError) => [error.getStatus(), error.getResponse()]);
  const NOT_FOUND = [404, { code: 'CLIENT.NOT_FOUND', message: 'No such client in your employment area.' }];

  it('erases a client of the admin’s area and records who, when, which client, which area and why, never the code', async () => {
    const { clientReference, code: identityCode } = await client();
    await path(clientReference, 'Hämeenlinna', true);
    const answer = await eraseClient(deps, request(clientReference, 'Hämeenlinna', { correlationId: 'corr-audit' }));
    expect(answer).toEqual({ clientReference, erasedAt: expect.any(String) });
    expect(await deps.vault.status(clientReference)).toEqual({ status: 'ERASED', erasedAt: answer.erasedAt });
    const rows = await auditOf(clientReference);
    expect(rows).toEqual([
      expect.objectContaining({
        client_reference: clientReference,
        erased_at: new Date(answer.erasedAt),
        first_erasure: true,
        actor_user_id: 'admin.erasure',
        actor_role: 'admin',
        employment_area: 'Hämeenlinna',
        client_area: 'Hämeenlinna',
        requested_by: 'CLIENT_REFERENCE',
        reason: 'Asiakkaan poistopyyntö 3.3.2026',
        correlation_id: 'corr-audit',
        recorded_at: expect.any(Date),
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(identityCode.slice(0, 6));
  });

  it('refuses an admin of an area that once served the client but holds no path now: 404, and nothing changes', async () => {
    const { clientReference } = await client();
    await path(clientReference, 'Hattula', false);
    await path(clientReference, 'Janakkala', true);
    await pool.query(`INSERT INTO idempotency_keys (user_id, key, request_hash, status, body) VALUES ('u', $1, 'h', 201, $2)`, [`k-${clientReference}`, { clientReference }]);
    expect(await refusal(eraseClient(deps, request(clientReference, 'Hattula')))).toEqual(NOT_FOUND);
    expect(await deps.vault.status(clientReference)).toMatchObject({ status: 'HELD' });
    expect(await auditOf(clientReference)).toEqual([]);
    expect((await pool.query('SELECT 1 FROM erased_client_guards WHERE client_reference = $1', [clientReference])).rowCount).toBe(0);
    expect((await pool.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [`k-${clientReference}`])).rowCount).toBe(1);
    await eraseClient(deps, request(clientReference, 'Janakkala'));
    expect((await pool.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [`k-${clientReference}`])).rowCount).toBe(0);
  });

  it('leaves erasure to the area of the latest path when none is active', async () => {
    const { clientReference } = await client();
    await path(clientReference, 'Hattula', false);
    await path(clientReference, 'Janakkala', false);
    expect(await refusal(eraseClient(deps, request(clientReference, 'Hattula')))).toEqual(NOT_FOUND);
    expect((await auditOf(clientReference)).map((row) => row.client_area)).toEqual([]);
    await eraseClient(deps, request(clientReference, 'Janakkala'));
    expect((await auditOf(clientReference)).map((row) => row.client_area)).toEqual(['Janakkala']);
  });

  it('lets any admin erase a registration whose path never started, recorded with no client area', async () => {
    const { clientReference } = await client();
    await eraseClient(deps, request(clientReference, 'Pirkanmaa', { requestedBy: 'IDENTITY_CODE' }));
    expect(await auditOf(clientReference)).toEqual([expect.objectContaining({ employment_area: 'Pirkanmaa', client_area: null, requested_by: 'IDENTITY_CODE' })]);
  });

  it('answers a repeated erasure with the first time, and records the repeat as such', async () => {
    const { clientReference } = await client();
    const first = await eraseClient(deps, request(clientReference, 'Lahti'));
    expect(await eraseClient(deps, request(clientReference, 'Lahti'))).toEqual(first);
    expect((await auditOf(clientReference)).map((row) => row.first_erasure)).toEqual([true, false]);
  });

  it('answers an unknown reference like another area’s client, and records nothing', async () => {
    const unknown = `cref_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    expect(await refusal(eraseClient(deps, request(unknown, 'Lahti')))).toEqual(NOT_FOUND);
    expect(await auditOf(unknown)).toEqual([]);
  });

  it('keeps the audit append-only: a row can be neither changed nor removed', async () => {
    const { clientReference } = await client();
    await eraseClient(deps, request(clientReference, 'Lahti'));
    await expect(pool.query(`UPDATE erasure_audit SET reason = 'x' WHERE client_reference = $1`, [clientReference])).rejects.toMatchObject({ code: '42501' });
    await expect(pool.query('DELETE FROM erasure_audit WHERE client_reference = $1', [clientReference])).rejects.toMatchObject({ code: '42501' });
    await expect(pool.query('TRUNCATE erasure_audit')).rejects.toMatchObject({ code: '42501' });
    expect(await auditOf(clientReference)).toEqual([expect.objectContaining({ reason: 'Asiakkaan poistopyyntö 3.3.2026' })]);
  });
});
