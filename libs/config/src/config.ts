import { ConfigError } from './config-error';
import { loadDatabaseSettings, type DatabaseSettings } from './database';

export { ConfigError } from './config-error';
export { DEFAULT_DATABASE_SETTINGS, loadDatabaseSettings, type DatabaseSettings } from './database';

/**
 * The one place that reads the process environment. Every app and test gets its settings from
 * `loadConfig()`, so defaults (the local loopback services `npm start` brings up) live here only.
 */
export interface PolkuConfig {
  readonly databaseUrl: string;
  /** Timeouts and keep-alive for every pool (`createPool(config.databaseUrl, { max, ...config.database })`). */
  readonly database: DatabaseSettings;
  readonly temporal: { readonly address: string; readonly namespace: string };
  /** Kafka as the admin principal; other processes take theirs with `kafkaFor`. */
  readonly kafka: KafkaSettings;
  /** Every principal's SCRAM credentials: the local broker is formatted with these. */
  readonly kafkaPrincipals: Readonly<Record<KafkaPrincipal, KafkaCredentials>>;
  readonly api: { readonly host: string; readonly port: number };
  readonly worker: { readonly healthPort: number };
  readonly relay: { readonly port: number; readonly batchSize: number; readonly pollMs: number };
  readonly municipalConsumer: { readonly port: number };
  readonly wellbeingConsumer: { readonly port: number };
  readonly logLevel: string;
  readonly auth: AuthSettings;
  readonly identity: IdentitySettings;
  /** Employment areas whose paths run the training policy (deadlines in seconds, for practice and demos). */
  readonly trainingAreas: readonly string[];
}

/** Staff tokens: verified against an OIDC issuer's JWKS. Locally the API hosts a dev issuer. */
export interface AuthSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  /** The API serves `/dev-issuer/*` (sign-in for local use). Never on in production. */
  readonly devIssuer: boolean;
  /** Where the dev issuer keeps its signing key, so tokens outlive a restart. */
  readonly devIssuerKeyFile: string;
  readonly tokenTtlSeconds: number;
}

/** Identity codes are sealed with per-client keys, which are wrapped with this master key. */
export interface IdentitySettings {
  /** 32 bytes (AES-256). */
  readonly masterKey: Buffer;
}

/** Who talks to Kafka. The broker's ACLs (`ensureAcls` in @polku/kafka) say what each may do. */
export const KAFKA_PRINCIPALS = ['admin', 'relay', 'municipal', 'wellbeing'] as const;
export type KafkaPrincipal = (typeof KAFKA_PRINCIPALS)[number];

export interface KafkaCredentials {
  readonly mechanism: 'scram-sha-512';
  readonly username: string;
  readonly password: string;
}

export interface KafkaSettings {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Absent only with KAFKA_SASL_MECHANISM=none (an external PLAINTEXT broker). */
  readonly sasl?: KafkaCredentials;
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): PolkuConfig {
  const kafkaPrincipals = kafkaCredentials(env);
  const apiPort = port(env, 'API_PORT', 3000);
  return {
    databaseUrl: env['DATABASE_URL'] ?? 'postgres://polku:polku@127.0.0.1:5432/polku',
    database: loadDatabaseSettings(env),
    temporal: {
      address: env['TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233',
      namespace: env['TEMPORAL_NAMESPACE'] ?? 'default',
    },
    kafka: {
      brokers: list(env['KAFKA_BROKERS'] ?? '127.0.0.1:9092'),
      clientId: env['KAFKA_CLIENT_ID'] ?? 'polku',
      ...(saslEnabled(env) ? { sasl: kafkaPrincipals.admin } : {}),
    },
    kafkaPrincipals,
    api: { host: env['API_HOST'] ?? '127.0.0.1', port: apiPort },
    worker: { healthPort: port(env, 'WORKER_HEALTH_PORT', 3100) },
    relay: { port: port(env, 'RELAY_PORT', 3200), batchSize: 500, pollMs: 1_000 },
    municipalConsumer: { port: port(env, 'MUNICIPAL_CONSUMER_PORT', 3300) },
    wellbeingConsumer: { port: port(env, 'WELLBEING_CONSUMER_PORT', 3400) },
    logLevel: env['LOG_LEVEL'] ?? 'info',
    auth: productionSafe(env, authSettings(env, apiPort)),
    identity: { masterKey: masterKey(env) },
    trainingAreas: list(env['TRAINING_AREAS'] ?? (authSettings(env, apiPort).devIssuer ? 'Harjoitusalue' : '')),
  };
}

// Local development only: a key anyone can read is no secret. Set POLKU_IDENTITY_MASTER_KEY
// (base64 of 32 random bytes) anywhere real data is held.
const DEV_MASTER_KEY = Buffer.from('polku-local-development-key-0001', 'utf8').toString('base64');

/** In production (NODE_ENV=production) neither the dev issuer nor the public dev master key may run. */
function productionSafe(env: Env, auth: AuthSettings): AuthSettings {
  if (env['NODE_ENV'] !== 'production') return auth;
  if (auth.devIssuer) throw new ConfigError('AUTH_DEV_ISSUER', 'must be false in production');
  if (env['POLKU_IDENTITY_MASTER_KEY'] === undefined) throw new ConfigError('POLKU_IDENTITY_MASTER_KEY', 'must be set in production');
  return auth;
}

function masterKey(env: Env): Buffer {
  const key = Buffer.from(env['POLKU_IDENTITY_MASTER_KEY'] ?? DEV_MASTER_KEY, 'base64');
  if (key.length !== 32) throw new ConfigError('POLKU_IDENTITY_MASTER_KEY', 'must be base64 of exactly 32 bytes');
  return key;
}

function authSettings(env: Env, apiPort: number): AuthSettings {
  const devIssuer = (env['AUTH_DEV_ISSUER'] ?? 'true') === 'true';
  const devBase = `http://127.0.0.1:${apiPort}/dev-issuer`;
  const ttl = Number(env['AUTH_TOKEN_TTL_SECONDS'] ?? 8 * 3600);
  if (!Number.isInteger(ttl) || ttl < 1) throw new ConfigError('AUTH_TOKEN_TTL_SECONDS', 'must be a positive whole number');
  return {
    issuer: env['AUTH_ISSUER'] ?? devBase,
    audience: env['AUTH_AUDIENCE'] ?? 'polku-api',
    jwksUrl: env['AUTH_JWKS_URL'] ?? `${devBase}/jwks`,
    devIssuer,
    devIssuerKeyFile: env['AUTH_DEV_ISSUER_KEY_FILE'] ?? '.polku/data/dev-issuer/signing-key.json',
    tokenTtlSeconds: ttl,
  };
}

/** The Kafka settings of one principal: the same brokers, that principal's credentials. */
export function kafkaFor(config: PolkuConfig, principal: KafkaPrincipal): KafkaSettings {
  if (config.kafka.sasl === undefined) return config.kafka;
  return { ...config.kafka, sasl: config.kafkaPrincipals[principal] };
}

function saslEnabled(env: Env): boolean {
  const mechanism = env['KAFKA_SASL_MECHANISM'] ?? 'scram-sha-512';
  if (mechanism !== 'scram-sha-512' && mechanism !== 'none') {
    throw new ConfigError('KAFKA_SASL_MECHANISM', 'must be scram-sha-512 or none');
  }
  return mechanism === 'scram-sha-512';
}

/** KAFKA_<PRINCIPAL>_USERNAME / _PASSWORD; the defaults are the local broker's dev users. */
function kafkaCredentials(env: Env): Record<KafkaPrincipal, KafkaCredentials> {
  const entries = KAFKA_PRINCIPALS.map((principal) => {
    const prefix = `KAFKA_${principal.toUpperCase()}`;
    const username = credential(env, `${prefix}_USERNAME`, principal, /^[A-Za-z0-9._-]+$/);
    const password = credential(env, `${prefix}_PASSWORD`, `polku-${principal}-dev`, /^[^"\\\s]+$/);
    return [principal, { mechanism: 'scram-sha-512', username, password }] as const;
  });
  return Object.fromEntries(entries) as Record<KafkaPrincipal, KafkaCredentials>;
}

/**
 * The local broker writes credentials into quoted JAAS and storage-format arguments, so quotes,
 * backslashes and whitespace are refused here rather than escaped there.
 */
function credential(env: Env, variable: string, fallback: string, allowed: RegExp): string {
  const value = env[variable] ?? fallback;
  if (!allowed.test(value)) throw new ConfigError(variable, `must match ${allowed.source}`);
  return value;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
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
