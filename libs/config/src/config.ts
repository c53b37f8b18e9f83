import { authSettings, devIssuerSetting, type AuthSettings } from './auth';
import { ConfigError } from './config-error';
import { loadDatabaseSettings, type DatabaseSettings } from './database';
import { databaseLogins, databaseUrlSetting, type DatabaseApp, type DatabaseLogin } from './database-roles';
import { identitySettings, type IdentitySettings } from './identity';
import { withIdentityKeys, type IdentityKeySettings } from './identity-keys';
import { kafkaFor, list, loadKafkaConfig, type KafkaConfig, type KafkaSettings } from './kafka';
import { booleanSetting, isLocalDev, type Env } from './local-dev';
import { payloadEncryptionSettings, type PayloadEncryptionSettings } from './payload-encryption';
import { loadDatabaseTls, temporalTls, type DatabaseTls, type TemporalTls } from './tls';

/**
 * The one place that reads the process environment. Every app and test gets its settings from
 * `loadConfig()`. Outside local development (POLKU_LOCAL_DEV=true, set by npm start and npm
 * test) nothing falls back to a public dev value: a missing secret is a ConfigError naming it.
 * Secrets only some apps use (auth, the master key, each app's database and Kafka password) are
 * checked when first read, so a deployment gives each app only its own (docs/security.md).
 */
export interface PolkuConfig extends KafkaConfig {
  /** POLKU_LOCAL_DEV=true: the loopback stack npm start runs, where dev values are allowed. */
  readonly localDev: boolean;
  /** The server and database (DATABASE_URL); its credentials, if any, are the owner's. Apps use `databaseUrlFor`. */
  readonly databaseUrl: string;
  /** Each app's own role and password (DATABASE_<APP>_PASSWORD). */
  readonly databaseLogins: Readonly<Record<DatabaseApp, DatabaseLogin>>;
  /** Timeouts and keep-alive for every pool (`createPool(config.databaseUrl, { max, ...config.database })`). */
  readonly database: DatabaseSettings;
  /** TLS to PostgreSQL, which every pool applies (DATABASE_SSL_MODE, DATABASE_SSL_CA). */
  readonly databaseTls: DatabaseTls;
  readonly temporal: { readonly address: string; readonly namespace: string; readonly tls?: TemporalTls };
  /** Kafka as the admin principal (infra, tests); apps take theirs with `kafkaFor`. */
  readonly kafka: KafkaSettings;
  /** `metrics`: whether the API serves /metrics (API_METRICS; on in local development). */
  readonly api: { readonly host: string; readonly port: number; readonly metrics: boolean };
  readonly worker: {
    readonly healthPort: number;
    /**
     * Open paths kept in the worker's workflow cache (WORKER_MAX_CACHED_WORKFLOWS); past it a path
     * replays on its next task. The default 600 keeps a worker under 1 GiB: ≈ 330 MiB without
     * paths plus ≈ 0.8 MiB per cached path (docs/benchmarks.md, B7).
     */
    readonly maxCachedWorkflows: number;
  };
  readonly relay: { readonly port: number; readonly batchSize: number; readonly pollMs: number };
  readonly municipalConsumer: { readonly port: number };
  readonly wellbeingConsumer: { readonly port: number };
  readonly logLevel: string;
  readonly auth: AuthSettings;
  readonly identity: IdentitySettings & IdentityKeySettings;
  /** Employment areas whose paths run the training policy (deadlines in seconds, for practice and demos). */
  readonly trainingAreas: readonly string[];
  /** Temporal payload keys and the codec endpoint's browser origins (docs/payload-encryption.md); read when first used. */
  readonly payloadEncryption: PayloadEncryptionSettings;
}

export function loadConfig(env: Env = process.env): PolkuConfig {
  const local = isLocalDev(env);
  const kafka = loadKafkaConfig(env, local);
  const apiPort = port(env, 'API_PORT', 3000);
  const auth = authSettings(env, local, apiPort);
  const identity = withIdentityKeys(env, local, identitySettings(env, local));
  const tls = temporalTls(env, local);
  const payloadEncryption = payloadEncryptionSettings(env, local);
  return {
    localDev: local,
    databaseUrl: databaseUrlSetting(env, local),
    databaseLogins: databaseLogins(env, local),
    database: loadDatabaseSettings(env),
    databaseTls: loadDatabaseTls(env),
    temporal: { address: env['TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233', namespace: env['TEMPORAL_NAMESPACE'] ?? 'default', ...(tls === undefined ? {} : { tls }) },
    ...kafka,
    get kafka() {
      return kafkaFor(kafka, 'admin');
    },
    api: { host: env['API_HOST'] ?? '127.0.0.1', port: apiPort, metrics: booleanSetting(env, 'API_METRICS', local) },
    worker: { healthPort: port(env, 'WORKER_HEALTH_PORT', 3100), maxCachedWorkflows: wholeNumber(env, 'WORKER_MAX_CACHED_WORKFLOWS', 600, 1, 1_000_000) },
    relay: { port: port(env, 'RELAY_PORT', 3200), batchSize: 500, pollMs: 1_000 },
    municipalConsumer: { port: port(env, 'MUNICIPAL_CONSUMER_PORT', 3300) },
    wellbeingConsumer: { port: port(env, 'WELLBEING_CONSUMER_PORT', 3400) },
    logLevel: env['LOG_LEVEL'] ?? 'info',
    get auth() {
      return auth();
    },
    get identity() {
      return identity();
    },
    get payloadEncryption() {
      return payloadEncryption();
    },
    trainingAreas: list(env['TRAINING_AREAS'] ?? (devIssuerSetting(env, local) ? 'Harjoitusalue' : '')),
  };
}

function wholeNumber(env: Env, variable: string, fallback: number, min: number, max: number): number {
  const raw = env[variable];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(variable, `must be a whole number from ${min} to ${max}`);
  return value;
}

function port(env: Env, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new ConfigError(variable, 'must be a TCP port number (1–65535)');
  }
  return value;
}
