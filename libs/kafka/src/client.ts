import { Kafka, logLevel, type LogEntry } from 'kafkajs';

export interface KafkaSettings {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** The principal to authenticate as; without it the client connects unauthenticated. */
  readonly sasl?: { readonly mechanism: 'scram-sha-512'; readonly username: string; readonly password: string };
  /** TLS (with SASL: SASL_SSL); the broker's certificate is verified against `ca`, or the system's CAs. */
  readonly ssl?: { readonly ca?: string };
}

export type KafkaLog = (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra: object) => void;

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** How every client of the project retries a request (a producer may set its own: apps/relay relay-producer.ts). */
export const CLIENT_RETRY = { retries: 8, initialRetryTime: 200, maxRetryTime: 5_000 } as const;

/** A kafkajs client whose own log lines go to the caller's structured logger, never to console. */
export function createKafka(settings: KafkaSettings, log?: KafkaLog): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: [...settings.brokers],
    ...(settings.sasl ? { sasl: { ...settings.sasl } } : {}),
    ...(settings.ssl ? { ssl: { rejectUnauthorized: true, ...(settings.ssl.ca === undefined ? {} : { ca: [settings.ssl.ca] }) } } : {}),
    logLevel: logLevel.WARN,
    retry: { ...CLIENT_RETRY },
    logCreator: () => (entry: LogEntry) => {
      const { message, ...extra } = entry.log;
      log?.(LEVELS[entry.level] ?? 'info', `[kafkajs ${entry.namespace}] ${message}`, extra);
    },
  });
}
