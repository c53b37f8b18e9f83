import { ConfigError } from './config-error';
import { lazyRecord } from './lazy';
import { devDefault, refuseDevValue, type Env } from './local-dev';

/**
 * Every app logs in to PostgreSQL as a role of its own, granted only what its code touches
 * (libs/event-store/migrations/0011_app_roles.sql, docs/security.md). DATABASE_URL names the
 * server and database; its credentials, if any, are the owner's (migrations, operator tools).
 */
export const DATABASE_APPS = ['api', 'worker', 'relay', 'municipal-consumer', 'wellbeing-consumer'] as const;
export type DatabaseApp = (typeof DATABASE_APPS)[number];

export interface DatabaseLogin {
  readonly role: string;
  readonly password: string;
}

/** The local cluster's owner (`npm start` creates it); the password is public, so local only. */
export const DEV_DATABASE_URL = 'postgres://polku:polku@127.0.0.1:5432/polku';
const DEV_OWNER_PASSWORD = 'polku';
// SCRAM verifiers are computed from the password as given (no SASLprep), so keep it to ASCII.
const PASSWORD = /^[\x21-\x7e]+$/;

/** `polku_api`, `polku_municipal_consumer`, …: the names 0011_app_roles.sql creates. */
export const databaseRoleOf = (app: DatabaseApp): string => `polku_${app.replaceAll('-', '_')}`;
/** DATABASE_API_PASSWORD, DATABASE_MUNICIPAL_CONSUMER_PASSWORD, … */
export const databasePasswordVariable = (app: DatabaseApp): string => `DATABASE_${app.toUpperCase().replaceAll('-', '_')}_PASSWORD`;
const devPasswordOf = (app: DatabaseApp): string => `polku-${app}-dev`;

/** DATABASE_URL: required outside local development, never with the dev owner's password. */
export function databaseUrlSetting(env: Env, local: boolean): string {
  const raw = devDefault(env, local, 'DATABASE_URL', DEV_DATABASE_URL, 'the default (the local polku:polku owner)');
  const url = parsed(raw);
  const tlsParameter = [...url.searchParams.keys()].find((name) => name.startsWith('ssl'));
  if (tlsParameter !== undefined) {
    // node-postgres lets URL parameters override the pool's options: one place for TLS only.
    throw new ConfigError('DATABASE_URL', `must not carry ${tlsParameter}: give TLS with DATABASE_SSL_MODE and DATABASE_SSL_CA`);
  }
  refuseDevValue(local, 'DATABASE_URL', decodeURIComponent(url.password) === DEV_OWNER_PASSWORD);
  return raw;
}

/**
 * Each app's role and password. A password given is checked at once; a missing one only when
 * that app asks for it (`databaseUrlFor`), so each app needs only its own secret.
 */
export function databaseLogins(env: Env, local: boolean): Readonly<Record<DatabaseApp, DatabaseLogin>> {
  const passwordOf = (app: DatabaseApp): string => devDefault(env, local, databasePasswordVariable(app), devPasswordOf(app), 'the dev password');
  for (const app of DATABASE_APPS.filter((candidate) => env[databasePasswordVariable(candidate)] !== undefined)) {
    const password = passwordOf(app);
    if (!PASSWORD.test(password)) throw new ConfigError(databasePasswordVariable(app), 'must be printable ASCII without spaces');
    refuseDevValue(local, databasePasswordVariable(app), password === devPasswordOf(app));
  }
  return lazyRecord(DATABASE_APPS, (app) => ({ role: databaseRoleOf(app), password: passwordOf(app) }));
}

/** The URL `app` connects with: DATABASE_URL's server, database and options, the app's own role. */
export function databaseUrlFor(config: { readonly databaseUrl: string; readonly databaseLogins: Readonly<Record<DatabaseApp, DatabaseLogin>> }, app: DatabaseApp): string {
  const { role, password } = config.databaseLogins[app];
  const url = parsed(config.databaseUrl);
  // The setter leaves '%' as it is, which would then be read as an escape: encode it all.
  url.username = role;
  url.password = encodeURIComponent(password);
  // A URL without a host (a socket path) takes no credentials: the app would log in as whoever runs it.
  if (url.username !== role) throw new ConfigError('DATABASE_URL', 'must name a host (postgres://host:port/database) so each app logs in as its own role');
  return url.toString();
}

function parsed(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'must be a postgres://host:port/database URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new ConfigError('DATABASE_URL', 'must be a postgres://host:port/database URL');
  return url;
}
