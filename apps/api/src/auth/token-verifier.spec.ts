import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import type { AppConfig } from '../infrastructure/connections';
import { ACCESS_TOKEN_TYPE } from './staff-user';
import { TokenVerifier } from './token-verifier';

const ISSUER = 'https://issuer.test';
const AUDIENCE = 'polku-api';

/** A verifier against a JWKS served on loopback, and a signer with the matching key. */
describe('TokenVerifier', () => {
  let server: Server;
  let verifier: TokenVerifier;
  let sign: (claims: Record<string, unknown>, typ?: string) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    server = createServer((_request, response) => response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    verifier = new TokenVerifier({ values: { auth: { issuer: ISSUER, audience: AUDIENCE, jwksUrl } } } as unknown as AppConfig);
    sign = (claims, typ = ACCESS_TOKEN_TYPE) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1', typ }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('5m').sign(privateKey);
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const claims = (overrides: Record<string, unknown> = {}) => ({ sub: 'coach.virtanen', role: 'coach', employment_area: 'Pirkanmaa', ...overrides });

  it('takes a valid access token', async () => {
    await expect(verifier.verify(await sign(claims()))).resolves.toEqual({ userId: 'coach.virtanen', role: 'coach', employmentArea: 'Pirkanmaa' });
  });

  it.each([
    ['an identity code glued into sub', claims({ sub: 'x131052-308T' })],
    ['an identity code in the employment area', claims({ employment_area: 'Alue 131052-308T' })],
    ['an unknown role', claims({ role: 'root' })],
  ])('refuses %s: it would become the actor of every event', async (_why, refused) => {
    await expect(verifier.verify(await sign(refused))).rejects.toMatchObject({ response: { code: 'AUTH.INVALID_TOKEN' } });
  });

  it('refuses a token of another type (an ID token signed by the same issuer)', async () => {
    await expect(verifier.verify(await sign(claims(), 'JWT'))).rejects.toMatchObject({ response: { code: 'AUTH.INVALID_TOKEN' } });
  });
});
