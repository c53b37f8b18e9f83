/**
 * The one place that reads the process environment. Every app and test gets its settings from
 * `loadConfig()`, so defaults (the local loopback services `npm start` brings up) live here only.
 */
export interface PolkuConfig {
  readonly databaseUrl: string;
  readonly temporal: { readonly address: string; readonly namespace: string };
  readonly kafka: { readonly brokers: readonly string[]; readonly clientId: string };
  readonly api: { readonly host: string; readonly port: number };
  readonly worker: { readonly healthPort: number };
  readonly logLevel: string;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`Configuration ${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): PolkuConfig {
  return {
    databaseUrl: env['DATABASE_URL'] ?? 'postgres://polku:polku@127.0.0.1:5432/polku',
    temporal: {
      address: env['TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233',
      namespace: env['TEMPORAL_NAMESPACE'] ?? 'default',
    },
    kafka: {
      brokers: list(env['KAFKA_BROKERS'] ?? '127.0.0.1:9092'),
      clientId: env['KAFKA_CLIENT_ID'] ?? 'polku',
    },
    api: { host: env['API_HOST'] ?? '127.0.0.1', port: port(env, 'API_PORT', 3000) },
    worker: { healthPort: port(env, 'WORKER_HEALTH_PORT', 3100) },
    logLevel: env['LOG_LEVEL'] ?? 'info',
  };
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
