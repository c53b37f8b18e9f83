import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@polku/config';
import { IdentityVault } from '@polku/identity';
import { generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { Pool } from 'pg';
import { journey } from '../support/path-journey';
import { call, devToken, identityCode, startPath } from '../support/staff-api';

const config = loadConfig();
const KEY_FILE = join(__dirname, '..', '..', '.polku', 'data', 'dev-issuer', 'signing-key.json');

type TokenShape = { sub: string; role: string; employment_area: string };

/** A token like the dev issuer's, but with the given key, claims and lifetime. */
async function signToken(claims: TokenShape, options: { key?: 'dev' | 'forged'; expiresIn?: string | null; audience?: string } = {}): Promise<string> {
  const stored = JSON.parse(readFileSync(KEY_FILE, 'utf8')) as { kid: string; privateJwk: JWK };
  const key = options.key === 'forged' ? (await generateKeyPair('ES256')).privateKey : await importJWK(stored.privateJwk, 'ES256');
  const { sub, ...rest } = claims;
  const jwt = new SignJWT(rest)
    .setProtectedHeader({ alg: 'ES256', kid: stored.kid, typ: 'at+jwt' })
    .setSubject(sub)
    .setIssuer(config.auth.issuer)
    .setAudience(options.audience ?? config.auth.audience)
    .setIssuedAt(Math.floor(Date.now() / 1000) - 7200);
  if (options.expiresIn !== null) jwt.setExpirationTime(options.expiresIn ?? '1h');
  return jwt.sign(key);
}

/**
 * Bad input of every kind gets a clear 4xx with a stable code, echoes nothing it was sent, and
 * leaves no trace: no events, no identity stored.
 */
describe('bad input to the staff API', () => {
  const area = `E2E-virhe ${randomUUID().slice(0, 8)}`;
  const claims: TokenShape = { sub: 'coach.bad-input', role: 'coach', employment_area: area };
  let pool: Pool;
  let coach: string;

  let vault: IdentityVault;

  // What a rejected start could leave behind: a path of the test's area, or the code in the vault.
  const traces = async (code: string | undefined) => {
    const paths = await pool.query(`SELECT count(*)::int AS n FROM events WHERE event_type = 'PathStarted' AND data->>'employmentArea' = $1`, [area]);
    return { paths: paths.rows[0].n as number, registered: code === undefined ? undefined : await vault.find(code) };
  };

  beforeAll(async () => {
    pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
    vault = new IdentityVault(pool, config.identity.masterKey);
    coach = await devToken({ userId: claims.sub, role: 'coach', employmentArea: area });
  });

  afterAll(() => pool?.end());

  const valid = () => ({ identityCode: identityCode(), municipality: 'Tampere', coachId: 'coach.bad-input' });
  const code = identityCode();
  const wrongCheck = `${code.slice(0, 10)}${code.endsWith('0') ? '1' : '0'}`;

  it.each<[string, () => Promise<{ raw?: string; body?: unknown; token?: string; headers?: Record<string, string> }>, number, string]>([
    ['malformed JSON', async () => ({ raw: '{"identityCode":', token: coach }), 400, 'REQUEST.MALFORMED_JSON'],
    ['an unknown field', async () => ({ body: { ...valid(), clientName: 'Matti' }, token: coach }), 400, 'VALIDATION.INVALID_BODY'],
    ['a wrong type', async () => ({ body: { ...valid(), municipality: 42 }, token: coach }), 400, 'VALIDATION.INVALID_BODY'],
    ['a missing field', async () => ({ body: { identityCode: identityCode(), coachId: 'coach.x' }, token: coach }), 400, 'VALIDATION.INVALID_BODY'],
    ['an oversized body', async () => ({ body: { ...valid(), municipality: 'x'.repeat(70_000) }, token: coach }), 413, 'REQUEST.TOO_LARGE'],
    ['an identity code with a wrong check character', async () => ({ body: { ...valid(), identityCode: wrongCheck }, token: coach }), 400, 'IDENTITY.INVALID_CODE'],
    ['an identity code with a date that does not exist', async () => ({ body: { ...valid(), identityCode: '290223A0017' }, token: coach }), 400, 'IDENTITY.INVALID_CODE'],
    ['an identity code with individual number 001', async () => ({ body: { ...valid(), identityCode: '131052-001U' }, token: coach }), 400, 'IDENTITY.INVALID_CODE'],
    ['an identity code with an unknown century sign', async () => ({ body: { ...valid(), identityCode: '131052G308T' }, token: coach }), 400, 'IDENTITY.INVALID_CODE'],
    ['no token', async () => ({ body: valid() }), 401, 'AUTH.MISSING_TOKEN'],
    ['a header that is not a bearer token', async () => ({ body: valid(), headers: { authorization: 'Basic Y29hY2g6c2VjcmV0' } }), 401, 'AUTH.INVALID_TOKEN'],
    ['an expired token', async () => ({ body: valid(), token: await signToken(claims, { expiresIn: '-10m' }) }), 401, 'AUTH.TOKEN_EXPIRED'],
    ['a token that never expires', async () => ({ body: valid(), token: await signToken(claims, { expiresIn: null }) }), 401, 'AUTH.INVALID_TOKEN'],
    ['a forged token', async () => ({ body: valid(), token: await signToken(claims, { key: 'forged' }) }), 401, 'AUTH.INVALID_TOKEN'],
    ['a token for another audience', async () => ({ body: valid(), token: await signToken(claims, { audience: 'someone-else' }) }), 401, 'AUTH.INVALID_TOKEN'],
    ['a token with an unknown role', async () => ({ body: valid(), token: await signToken({ ...claims, role: 'root' }) }), 401, 'AUTH.INVALID_TOKEN'],
    ['a role that may not start paths', async () => ({ body: valid(), token: await signToken({ ...claims, role: 'manager' }) }), 403, 'AUTH.FORBIDDEN_ROLE'],
  ])('POST /paths with %s → %i %s, nothing stored', async (_label, request, status, errorCode) => {
    const sent = await request();
    const sentCode = (sent.body as { identityCode?: string } | undefined)?.identityCode;
    const before = await traces(sentCode);
    expect(before).toEqual({ paths: 0, registered: undefined });
    const answer = await call<{ code: string; message: string }>('POST', '/paths', sent);
    expect([answer.status, answer.body.code]).toEqual([status, errorCode]);
    expect(answer.body.message.length).toBeGreaterThan(10);
    const echoed = JSON.stringify(answer.body);
    if (sentCode) expect(echoed).not.toContain(sentCode);
    expect(echoed).not.toContain('Matti');
    expect(await traces(sentCode)).toEqual(before);
  });

  describe('commands', () => {
    let pathId: string;
    const events = async () => (await pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [pathId])).rows[0].n as number;

    beforeAll(async () => {
      ({ pathId } = await startPath(coach, { coachId: 'coach.bad-input' }));
      // Up to the recorded assessment, where a work trial may start: its business id gets checked.
      for (const [route, body] of journey().slice(0, 3)) expect((await call('POST', `/paths/${pathId}/${route}`, { token: coach, body })).status).toBe(200);
    });

    const trial = journey()[3]?.[1] as { organiser: object };

    it.each<[string, string, { raw?: string; body?: unknown; headers?: Record<string, string> }, number, string]>([
      ['malformed JSON', 'start-work-trial', { raw: '{"trialId": "t-1", ' }, 400, 'REQUEST.MALFORMED_JSON'],
      ['an unknown field', 'start-work-trial', { body: { ...trial, diagnosis: 'F32' } }, 400, 'VALIDATION.INVALID_BODY'],
      ['a wrong type', 'start-work-trial', { body: { ...trial, daysPerWeek: 'five' } }, 400, 'VALIDATION.INVALID_BODY'],
      ['a malformed business id', 'start-work-trial', { body: { ...trial, organiser: { ...trial.organiser, businessId: '123' } } }, 400, 'VALIDATION.INVALID_BODY'],
      ['a business id with a wrong check digit', 'start-work-trial', { body: { ...trial, organiser: { ...trial.organiser, businessId: '1234567-8' } } }, 400, 'VALIDATION.BUSINESS_ID'],
      ['a date that does not exist', 'start-work-trial', { body: { ...trial, startOn: '2026-02-30' } }, 400, 'VALIDATION.INVALID_BODY'],
      ['a NUL in an unknown key, under an Idempotency-Key', 'resume', { raw: '{"x\\u0000y": 1}', headers: { 'idempotency-key': `nul-${randomUUID()}` } }, 400, 'VALIDATION.INVALID_BODY'],
      ['a NUL character in free text', 'start-work-trial', { body: { ...trial, tasks: 'packing\u0000boxes' } }, 400, 'VALIDATION.INVALID_BODY'],
      ['an identity code in free text', 'start-work-trial', { body: { ...trial, tasks: `Client ${identityCode()} packs boxes` } }, 400, 'VALIDATION.INVALID_BODY'],
      ['an identity code glued into free text, with a Unicode dash', 'start-work-trial', { body: { ...trial, agreementReference: `TK${identityCode().replace(/[-+A-FU-Y](?=\d{3}.$)/, '\u2013')}` } }, 400, 'VALIDATION.INVALID_BODY'],
      ['an identity code in the Idempotency-Key', 'resume', { body: {}, headers: { 'idempotency-key': `retry-${identityCode()}` } }, 400, 'IDEMPOTENCY.INVALID_KEY'],
      ['a command that does not exist', 'delete-path', { body: {} }, 404, 'ROUTE.NOT_FOUND'],
      ['an end date before the start', 'start-work-trial', { body: { ...trial, plannedEndOn: '2020-01-01' } }, 400, 'VALIDATION.DATE_ORDER'],
    ])('POST /paths/{id}/%s → … %s', async (_label, route, request, status, errorCode) => {
      const before = await events();
      const answer = await call<{ code: string; message: string }>('POST', `/paths/${pathId}/${route}`, { token: coach, ...request });
      expect([answer.status, answer.body.code]).toEqual([status, errorCode]);
      expect(JSON.stringify(answer.body)).not.toMatch(/F32|five/);
      expect(await events()).toBe(before);
    });

    it('answers an unknown or malformed path id with 404', async () => {
      for (const id of [randomUUID(), 'not-a-path']) {
        const answer = await call<{ code: string }>('POST', `/paths/${id}/start-assessment`, { token: coach, body: { startedOn: '2026-01-01' } });
        expect([answer.status, answer.body.code]).toEqual([404, 'PATH.NOT_FOUND']);
      }
    });
  });
});
