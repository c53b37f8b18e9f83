import { startTestIssuer, type TestIssuer } from './testing';
import { AuthError } from './auth-error';
import { bearerTokenOf } from './bearer-token';
import { StaffTokenVerifier } from './staff-token-verifier';

describe('StaffTokenVerifier (against a JWKS on loopback)', () => {
  let issuer: TestIssuer;
  let verifier: StaffTokenVerifier;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    verifier = new StaffTokenVerifier(issuer.settings);
  });

  afterAll(() => issuer.close());

  const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => (error instanceof AuthError ? error.code : error));

  it('takes a valid access token as the staff user it names', async () => {
    const token = await issuer.token({ userId: 'coach.virtanen', role: 'coach', employmentArea: 'Pirkanmaa' });
    await expect(verifier.verify(token)).resolves.toEqual({ userId: 'coach.virtanen', role: 'coach', employmentArea: 'Pirkanmaa' });
  });

  it.each([
    ['expired', 'AUTH.TOKEN_EXPIRED', { expiresAt: Math.floor(Date.now() / 1000) - 60 }],
    ['for another audience', 'AUTH.INVALID_TOKEN', { audience: 'someone-else' }],
    ['of another type (an ID token)', 'AUTH.INVALID_TOKEN', { typ: 'JWT' }],
    ['with an identity code in the area', 'AUTH.INVALID_TOKEN', { employmentArea: 'Alue 131052-308T' }],
  ])('refuses a token %s as %s', async (_what, code, options) => {
    const token = await issuer.token({ role: 'manager', employmentArea: 'Pirkanmaa', ...options });
    expect(await refusal(verifier.verify(token))).toBe(code);
  });

  it('reads the caller from an Authorization header, and refuses a missing or malformed one as a rejection', async () => {
    const token = await issuer.token({ userId: 'coach.virtanen', role: 'coach', employmentArea: 'Pirkanmaa' });
    await expect(verifier.verifyAuthorization(`Bearer ${token}`)).resolves.toMatchObject({ userId: 'coach.virtanen' });
    expect(await refusal(verifier.verifyAuthorization(undefined))).toBe('AUTH.MISSING_TOKEN');
    expect(await refusal(verifier.verifyAuthorization(`Basic ${token}`))).not.toBeUndefined();
  });

  it('refuses a token signed by another key', async () => {
    const other = await startTestIssuer();
    try {
      expect(await refusal(verifier.verify(await other.token({ role: 'admin', employmentArea: 'Pirkanmaa' })))).toBe('AUTH.INVALID_TOKEN');
    } finally {
      await other.close();
    }
  });
});

describe('bearerTokenOf', () => {
  it('reads only "Bearer <JWT>"', () => {
    expect(bearerTokenOf('Bearer a.b.c')).toBe('a.b.c');
    expect(() => bearerTokenOf(undefined)).toThrow(expect.objectContaining({ code: 'AUTH.MISSING_TOKEN' }));
    expect(() => bearerTokenOf('Basic dXNlcjpwdw==')).toThrow(expect.objectContaining({ code: 'AUTH.INVALID_TOKEN' }));
  });
});
