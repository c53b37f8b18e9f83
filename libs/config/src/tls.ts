import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error';
import { booleanSetting, isLocalDev, type Env } from './local-dev';

/**
 * TLS to PostgreSQL, Kafka and Temporal. Outside local development each is on unless turned off
 * by name (a deployment that forgets gets a refused connection, never a plaintext one); locally
 * the loopback services speak plain TCP. Certificates are PEM files, read once at start-up.
 */

/** `verify-full`: encrypted, the server's certificate checked against the CA and its host name. */
export interface DatabaseTls {
  readonly mode: 'disable' | 'verify-full';
  /** PEM of the CA(s) to trust; the system's CAs when absent. */
  readonly ca?: string;
}

/** SASL_SSL when present: the broker's certificate is verified (host name included). */
export interface KafkaTls {
  readonly ca?: string;
}

/** Temporal's TLS (Connection / NativeConnection `tls`): with a client certificate, mTLS. */
export interface TemporalTls {
  readonly serverRootCACertificate?: Buffer;
  readonly clientCertPair?: { readonly crt: Buffer; readonly key: Buffer };
  readonly serverNameOverride?: string;
}

/** DATABASE_SSL_MODE (disable | verify-full) and DATABASE_SSL_CA; every pool reads these. */
export function loadDatabaseTls(env: Env = process.env): DatabaseTls {
  const mode = env['DATABASE_SSL_MODE'] ?? (isLocalDev(env) ? 'disable' : 'verify-full');
  if (mode !== 'disable' && mode !== 'verify-full') throw new ConfigError('DATABASE_SSL_MODE', 'must be disable or verify-full');
  const ca = pem(env, 'DATABASE_SSL_CA', mode === 'verify-full', 'DATABASE_SSL_MODE=verify-full');
  return { mode, ...(ca === undefined ? {} : { ca: ca.toString('utf8') }) };
}

/** KAFKA_SSL (true | false) and KAFKA_SSL_CA; undefined means plaintext. */
export function kafkaTls(env: Env, local: boolean): KafkaTls | undefined {
  const on = booleanSetting(env, 'KAFKA_SSL', !local);
  const ca = pem(env, 'KAFKA_SSL_CA', on, 'KAFKA_SSL=true');
  if (!on) return undefined;
  return ca === undefined ? {} : { ca: ca.toString('utf8') };
}

/** TEMPORAL_TLS (true | false), TEMPORAL_TLS_CA, TEMPORAL_TLS_CERT + TEMPORAL_TLS_KEY, TEMPORAL_TLS_SERVER_NAME. */
export function temporalTls(env: Env, local: boolean): TemporalTls | undefined {
  const on = booleanSetting(env, 'TEMPORAL_TLS', !local);
  const ca = pem(env, 'TEMPORAL_TLS_CA', on, 'TEMPORAL_TLS=true');
  const crt = pem(env, 'TEMPORAL_TLS_CERT', on, 'TEMPORAL_TLS=true');
  const key = pem(env, 'TEMPORAL_TLS_KEY', on, 'TEMPORAL_TLS=true');
  if ((crt === undefined) !== (key === undefined)) {
    throw new ConfigError(crt === undefined ? 'TEMPORAL_TLS_CERT' : 'TEMPORAL_TLS_KEY', 'must be given together with the other (a client certificate and its key, for mTLS)');
  }
  if (!on) return undefined;
  const serverName = env['TEMPORAL_TLS_SERVER_NAME'];
  return {
    ...(ca === undefined ? {} : { serverRootCACertificate: ca }),
    ...(crt === undefined || key === undefined ? {} : { clientCertPair: { crt, key } }),
    ...(serverName === undefined ? {} : { serverNameOverride: serverName }),
  };
}

/** A PEM file named by `variable`; refused when TLS is off (it would be silently ignored) or unreadable. */
function pem(env: Env, variable: string, tlsOn: boolean, needs: string): Buffer | undefined {
  const path = env[variable];
  if (path === undefined) return undefined;
  if (!tlsOn) throw new ConfigError(variable, `is only used with ${needs}; turn TLS on or leave it out`);
  let contents: Buffer;
  try {
    contents = readFileSync(path);
  } catch {
    throw new ConfigError(variable, 'must name a readable PEM file');
  }
  if (!contents.includes('-----BEGIN ')) throw new ConfigError(variable, 'must name a PEM file (-----BEGIN …)');
  return contents;
}
