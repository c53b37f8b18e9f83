import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { AppConfig } from '../infrastructure/connections';
import { ACCESS_TOKEN_TYPE, CLAIMS, type StaffUser } from '../auth/staff-user';

const ALGORITHM = 'ES256';

interface StoredKey {
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

/**
 * The local dev issuer's signing key: made once and kept under .polku/data, so tokens printed
 * for a developer stay valid across restarts. A real deployment points AUTH_JWKS_URL elsewhere.
 */
@Injectable()
export class DevIssuerKeys implements OnModuleInit {
  private key: StoredKey | undefined;

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const file = this.config.values.auth.devIssuerKeyFile;
    if (existsSync(file)) {
      this.key = JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
      return;
    }
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    const kid = `dev-${Date.now().toString(36)}`;
    this.key = { kid, privateJwk: await exportJWK(privateKey), publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' } };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(this.key), { mode: 0o600 });
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.stored().publicJwk] };
  }

  async sign(user: StaffUser): Promise<string> {
    const { issuer, audience, tokenTtlSeconds } = this.config.values.auth;
    const key = this.stored();
    return new SignJWT({ [CLAIMS.role]: user.role, [CLAIMS.employmentArea]: user.employmentArea })
      .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: ACCESS_TOKEN_TYPE })
      .setSubject(user.userId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${tokenTtlSeconds}s`)
      .sign(await importJWK(key.privateJwk, ALGORITHM));
  }

  private stored(): StoredKey {
    if (!this.key) throw new Error('dev issuer key not loaded');
    return this.key;
  }
}
