import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StaffRole } from '@polku/contracts';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import type { TokenIssuerSettings } from '../staff-token-verifier';
import { ACCESS_TOKEN_TYPE, CLAIMS } from '../staff-user';

export interface TestTokenOptions {
  readonly userId?: string;
  readonly role: StaffRole;
  readonly employmentArea: string;
  /** A JOSE expiry (`'5m'`, or seconds since the epoch for a token that has already expired). */
  readonly expiresAt?: string | number;
  readonly audience?: string;
  readonly typ?: string;
}

export interface TestIssuer {
  /** What a verifier needs to trust this issuer. */
  readonly settings: TokenIssuerSettings;
  token(options: TestTokenOptions): Promise<string>;
  close(): Promise<void>;
}

/**
 * An OIDC-style issuer of its own for a test: an ES256 key, its JWKS served on loopback, and
 * a signer, so tokens of any role, area, audience or expiry can be made without the API.
 */
export async function startTestIssuer(issuer = 'https://issuer.test', audience = 'polku-api'): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  const server: Server = createServer((_request, response) => response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  return {
    settings: { issuer, audience, jwksUrl },
    token: (options) =>
      new SignJWT({ [CLAIMS.role]: options.role, [CLAIMS.employmentArea]: options.employmentArea })
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key', typ: options.typ ?? ACCESS_TOKEN_TYPE })
        .setSubject(options.userId ?? `${options.role}.test`)
        .setIssuer(issuer)
        .setAudience(options.audience ?? audience)
        .setIssuedAt()
        .setExpirationTime(options.expiresAt ?? '5m')
        .sign(privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
