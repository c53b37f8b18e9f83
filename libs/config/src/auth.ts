import { ConfigError } from './config-error';
import { onceResolvedNowIf } from './lazy';
import { booleanSetting, devDefault, localOnly, type Env } from './local-dev';

/** Staff tokens: verified against an OIDC issuer's JWKS. Locally the API hosts a dev issuer. */
export interface AuthSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  /** The API serves `/dev-issuer/*` (sign-in for local use, loopback callers only). Local development only. */
  readonly devIssuer: boolean;
  /** Where the dev issuer keeps its signing key, so tokens outlive a restart. */
  readonly devIssuerKeyFile: string;
  readonly tokenTtlSeconds: number;
}

/** AUTH_DEV_ISSUER (default false): anyone who reaches it mints an admin token, so local development only. */
export function devIssuerSetting(env: Env, local: boolean): boolean {
  return localOnly(local, 'AUTH_DEV_ISSUER', booleanSetting(env, 'AUTH_DEV_ISSUER', false));
}

/** Only the API verifies tokens: settings given are checked at once, missing ones when read. */
export function authSettings(env: Env, local: boolean, apiPort: number): () => AuthSettings {
  const given = ['AUTH_ISSUER', 'AUTH_JWKS_URL', 'AUTH_TOKEN_TTL_SECONDS'].some((variable) => env[variable] !== undefined);
  return onceResolvedNowIf(local || given, () => {
    const devBase = `http://127.0.0.1:${apiPort}/dev-issuer`;
    const what = "the default (the API's own dev issuer)";
    return {
      issuer: devDefault(env, local, 'AUTH_ISSUER', devBase, what),
      audience: env['AUTH_AUDIENCE'] ?? 'polku-api',
      jwksUrl: jwksUrl(devDefault(env, local, 'AUTH_JWKS_URL', `${devBase}/jwks`, what), local),
      devIssuer: devIssuerSetting(env, local),
      devIssuerKeyFile: env['AUTH_DEV_ISSUER_KEY_FILE'] ?? '.polku/data/dev-issuer/signing-key.json',
      tokenTtlSeconds: tokenTtl(env),
    };
  });
}

/** Keys fetched in the clear could be swapped in transit, and then any token would verify. */
function jwksUrl(value: string, local: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('AUTH_JWKS_URL', 'must be a URL');
  }
  if (!local && url.protocol !== 'https:') throw new ConfigError('AUTH_JWKS_URL', 'must be an https:// URL outside local development');
  return value;
}

function tokenTtl(env: Env): number {
  const ttl = Number(env['AUTH_TOKEN_TTL_SECONDS'] ?? 8 * 3600);
  if (!Number.isInteger(ttl) || ttl < 1) throw new ConfigError('AUTH_TOKEN_TTL_SECONDS', 'must be a positive whole number');
  return ttl;
}
