import { ConfigError } from './config-error';
import { lazyRecord } from './lazy';
import { devDefault, refuseDevValue, type Env } from './local-dev';
import { kafkaTls, type KafkaTls } from './tls';

/**
 * Who talks to Kafka. The broker's ACLs (`ensureAcls` in @polku/kafka) say what each may do:
 * `api` only describes the cluster and topics (the API's health check).
 */
export const KAFKA_PRINCIPALS = ['admin', 'relay', 'municipal', 'wellbeing', 'api'] as const;
export type KafkaPrincipal = (typeof KAFKA_PRINCIPALS)[number];

export interface KafkaCredentials {
  readonly mechanism: 'scram-sha-512';
  readonly username: string;
  readonly password: string;
}

export interface KafkaSettings {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Absent only with KAFKA_SASL_MECHANISM=none (an external PLAINTEXT broker, local only). */
  readonly sasl?: KafkaCredentials;
  /** SASL_SSL (KAFKA_SSL, on outside local development). */
  readonly ssl?: KafkaTls;
}

/** What `kafkaFor` needs: the cluster without a principal, and whether to authenticate. */
export interface KafkaConfig {
  /** Brokers, client id and TLS; `kafkaFor` adds the principal. */
  readonly kafkaCluster: KafkaSettings;
  readonly kafkaSasl: boolean;
  /** Every principal's SCRAM credentials: the local broker is formatted with these. */
  readonly kafkaPrincipals: Readonly<Record<KafkaPrincipal, KafkaCredentials>>;
}

const USERNAME = /^[A-Za-z0-9._-]+$/;
// The local broker writes credentials into quoted JAAS and storage-format arguments, so quotes,
// backslashes and whitespace are refused here rather than escaped there.
const PASSWORD = /^[^"\\\s]+$/;

export function loadKafkaConfig(env: Env, local: boolean): KafkaConfig {
  const kafkaSasl = saslEnabled(env, local);
  const ssl = kafkaTls(env, local);
  const kafkaCluster: KafkaSettings = {
    brokers: list(env['KAFKA_BROKERS'] ?? '127.0.0.1:9092'),
    clientId: env['KAFKA_CLIENT_ID'] ?? 'polku',
    ...(ssl === undefined ? {} : { ssl }),
  };
  return { kafkaCluster, kafkaSasl, kafkaPrincipals: kafkaCredentials(env, local) };
}

/** The Kafka settings of one principal: the same brokers, that principal's credentials. */
export function kafkaFor(config: KafkaConfig, principal: KafkaPrincipal): KafkaSettings {
  if (!config.kafkaSasl) return config.kafkaCluster;
  return { ...config.kafkaCluster, sasl: config.kafkaPrincipals[principal] };
}

function saslEnabled(env: Env, local: boolean): boolean {
  const mechanism = env['KAFKA_SASL_MECHANISM'] ?? 'scram-sha-512';
  if (mechanism !== 'scram-sha-512' && mechanism !== 'none') {
    throw new ConfigError('KAFKA_SASL_MECHANISM', 'must be scram-sha-512 or none');
  }
  if (mechanism === 'none' && !local) throw new ConfigError('KAFKA_SASL_MECHANISM', 'may be none only in local development: a real broker authenticates every principal');
  return mechanism === 'scram-sha-512';
}

/**
 * KAFKA_<PRINCIPAL>_USERNAME / _PASSWORD (usernames default to the principal's name). Values
 * given are checked at once; a missing password only when that principal is asked for.
 */
function kafkaCredentials(env: Env, local: boolean): Readonly<Record<KafkaPrincipal, KafkaCredentials>> {
  const variables = (principal: KafkaPrincipal) => ({ user: `KAFKA_${principal.toUpperCase()}_USERNAME`, password: `KAFKA_${principal.toUpperCase()}_PASSWORD` });
  const devPassword = (principal: KafkaPrincipal) => `polku-${principal}-dev`;
  for (const principal of KAFKA_PRINCIPALS) {
    const { user, password } = variables(principal);
    checked(env, user, USERNAME);
    const given = checked(env, password, PASSWORD);
    refuseDevValue(local, password, given === devPassword(principal));
  }
  return lazyRecord(KAFKA_PRINCIPALS, (principal) => {
    const { user, password } = variables(principal);
    const username = env[user] ?? principal;
    return { mechanism: 'scram-sha-512', username, password: devDefault(env, local, password, devPassword(principal), 'the dev password') };
  });
}

function checked(env: Env, variable: string, allowed: RegExp): string | undefined {
  const value = env[variable];
  if (value !== undefined && !allowed.test(value)) throw new ConfigError(variable, `must match ${allowed.source}`);
  return value;
}

export function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
