import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KAFKA_PRINCIPALS, kafkaFor, loadConfig, type KafkaCredentials } from '@polku/config';
import { Kafka, logLevel } from 'kafkajs';
import { CACHE, DATA, HOST, LOGS, Ports, ROOT } from './layout';
import { say } from './log';
import { copyJars } from './maven';
import { notUp, runLogged, runningPid, startDaemon, stopDaemon, tailLog, waitWhileAlive } from './process';
import type { Service } from './service';

/** Pinned in infra/kafka/pom.xml; 3.9.x is the line kafkajs 2.2 is known to work with. */
const KAFKA_VERSION = '3.9.1';
/** The broker jars, shared by the single broker and the cluster's three (infra/src/cluster). */
export const KAFKA_LIBS = join(CACHE, `kafka-${KAFKA_VERSION}`, 'libs');
const LIBS = KAFKA_LIBS;
const DIR = join(DATA, 'kafka');
const LOG_DIRS = join(DIR, 'logs');
const PROPERTIES = join(DIR, 'server.properties');
const MARKER = PROPERTIES;
const DAEMON = { name: 'kafka', marker: MARKER };
/** SHA-256 over the SCRAM users the storage was formatted with (a hash, never the passwords). */
const SCRAM_USERS = join(DIR, 'scram-users.sha256');

/** Credentials come from @polku/config, so the broker and every app agree on them. */
export function scramUsers(): readonly KafkaCredentials[] {
  const { kafkaPrincipals } = loadConfig();
  return KAFKA_PRINCIPALS.map((principal) => kafkaPrincipals[principal]);
}

/**
 * An optional second SASL listener (POLKU_KAFKA_PROXIED_PORTS=<listen>:<advertised>, set by the
 * chaos run only) that advertises another port: a TCP proxy forwarding there to <listen>. Kafka
 * clients reconnect to the address the broker advertises, so only such a listener keeps a
 * client's traffic going through the proxy. Unset: the broker has its one client listener.
 */
export const KAFKA_PROXIED_PORTS_ENV = 'POLKU_KAFKA_PROXIED_PORTS';

function proxiedListener(): { readonly listen: number; readonly advertised: number } | undefined {
  const raw = process.env[KAFKA_PROXIED_PORTS_ENV];
  if (raw === undefined || raw === '') return undefined;
  const [listen, advertised] = raw.split(':').map(Number);
  if (!Number.isInteger(listen) || !Number.isInteger(advertised)) throw new Error(`${KAFKA_PROXIED_PORTS_ENV} must be <listen port>:<advertised port>, got ${raw}`);
  return { listen: listen as number, advertised: advertised as number };
}

/**
 * One KRaft node (broker + controller): the single local broker, or one of the cluster's three
 * (infra/src/cluster/kafka). Everything but these is the same on both topologies.
 */
export interface BrokerNode {
  readonly id: number;
  readonly port: number;
  readonly controllerPort: number;
  readonly logDirs: string;
  /** The controller quorum, `id@host:port,…`. */
  readonly voters: string;
  /** Replicas of Kafka's own topics (group offsets, transactions) and their min in-sync replicas. */
  readonly internalReplicas: number;
  readonly internalMinInSync: number;
  /** Settings only a replicated cluster has, written after the shared ones. */
  readonly extra?: readonly string[];
}

const SINGLE_NODE: BrokerNode = {
  id: 1,
  port: Ports.kafka,
  controllerPort: Ports.kafkaController,
  logDirs: LOG_DIRS,
  voters: `1@${HOST}:${Ports.kafkaController}`,
  internalReplicas: 1,
  internalMinInSync: 1,
};

function listenerProperties(jaas: string, node: BrokerNode): string[] {
  const proxied = proxiedListener();
  const extra = (text: string): string => (proxied ? text : '');
  return [
    `listeners=SASL_PLAINTEXT://${HOST}:${node.port},CONTROLLER://${HOST}:${node.controllerPort}${extra(`,PROXIED://${HOST}:${proxied?.listen}`)}`,
    `advertised.listeners=SASL_PLAINTEXT://${HOST}:${node.port}${extra(`,PROXIED://${HOST}:${proxied?.advertised}`)}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=SASL_PLAINTEXT',
    `listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT${extra(',PROXIED:SASL_PLAINTEXT')}`,
    // Clients authenticate with SCRAM users stored in the metadata log (added at format time).
    'sasl.enabled.mechanisms=SCRAM-SHA-512',
    'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512',
    `listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=${jaas}`,
    ...(proxied ? [`listener.name.proxied.scram-sha-512.sasl.jaas.config=${jaas}`] : []),
  ];
}

/** The node's server.properties; without `node`, the single local broker's (npm start). */
export function serverProperties(admin: KafkaCredentials, node: BrokerNode = SINGLE_NODE): string {
  const { username, password } = admin;
  return [
    '# Written by infra/src/kafka.ts at every start; edit that file, not this one.',
    'process.roles=broker,controller',
    `node.id=${node.id}`,
    `controller.quorum.voters=${node.voters}`,
    ...listenerProperties(`org.apache.kafka.common.security.scram.ScramLoginModule required username="${username}" password="${password}";`, node),
    // The controller listener cannot use SCRAM (it must authenticate before the metadata log that
    // holds SCRAM users is read), and left PLAINTEXT its User:ANONYMOUS would have to be a super
    // user. So it takes PLAIN with one static user, the admin: nobody else gets in on 9093.
    'sasl.mechanism.controller.protocol=PLAIN',
    'listener.name.controller.sasl.enabled.mechanisms=PLAIN',
    `listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${username}" password="${password}" user_${username}="${password}";`,
    // ACLs live in the metadata log; whatever ensureAcls does not grant is denied.
    'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    `super.users=User:${username}`,
    'allow.everyone.if.no.acl.found=false',
    `log.dirs=${node.logDirs}`,
    // Topics exist only when project code creates them.
    'auto.create.topics.enable=false',
    'num.partitions=1',
    `offsets.topic.replication.factor=${node.internalReplicas}`,
    `transaction.state.log.replication.factor=${node.internalReplicas}`,
    `transaction.state.log.min.isr=${node.internalMinInSync}`,
    'group.initial.rebalance.delay.ms=0',
    'log.retention.hours=168',
    ...(node.extra ?? []),
    '',
  ].join('\n');
}

export function java(mainClass: string, args: string[], heap = '-Xmx256m'): [string, string[]] {
  return [
    'java',
    [heap, '-XX:+UseG1GC', `-Dlog4j.configuration=file:${join(ROOT, 'infra', 'kafka', 'log4j.properties')}`, `-Dkafka.logs.dir=${LOGS}`, '-cp', `${LIBS}/*`, mainClass, ...args],
  ];
}

/** Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding. */
export function newClusterId(): string {
  return randomBytes(16).toString('base64url');
}

export function scramFingerprint(users: readonly KafkaCredentials[]): string {
  const hash = createHash('sha256');
  for (const { mechanism, username, password } of users) hash.update(JSON.stringify([mechanism, username, password]));
  return hash.digest('hex');
}

/** Undefined when the storage is not formatted; '' when formatted without SCRAM users. */
function formattedWith(): string | undefined {
  if (!existsSync(join(LOG_DIRS, 'meta.properties'))) return undefined;
  return existsSync(SCRAM_USERS) ? readFileSync(SCRAM_USERS, 'utf8').trim() : '';
}

/**
 * Formats the storage once, with every principal's SCRAM user. Storage formatted without them
 * (before the broker had SASL) or with other credentials is wiped and formatted again: local
 * topics are recreated by `ensureTopics` and ACLs by `ensureAcls` in the set-up that follows.
 */
async function formatOnce(users: readonly KafkaCredentials[]): Promise<void> {
  const fingerprint = scramFingerprint(users);
  const current = formattedWith();
  if (current === fingerprint) return;
  if (current === undefined) say('formatting Kafka KRaft storage with its SCRAM users (first time only)');
  else say('Kafka storage has no or other SCRAM users: re-formatting it (local topics and ACLs are recreated)');
  rmSync(LOG_DIRS, { recursive: true, force: true });
  mkdirSync(LOG_DIRS, { recursive: true });
  const scram = users.flatMap(({ username, password }) => ['--add-scram', `SCRAM-SHA-512=[name=${username},password="${password}"]`]);
  const [command, args] = java('kafka.tools.StorageTool', ['format', '-t', newClusterId(), '-c', PROPERTIES, ...scram]);
  // runLogged's error repeats the arguments, which hold the passwords: report the log instead.
  await runLogged(command, args, 'kafka-format').catch(() => {
    throw new Error(`formatting Kafka storage failed:\n${tailLog('kafka-format')}`);
  });
  writeFileSync(SCRAM_USERS, `${fingerprint}\n`);
}

async function brokerUp(): Promise<boolean> {
  const { sasl } = kafkaFor(loadConfig(), 'admin');
  const admin = new Kafka({
    clientId: 'polku-infra',
    brokers: [`${HOST}:${Ports.kafka}`],
    ...(sasl ? { sasl: { ...sasl } } : {}),
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } finally {
    await admin.disconnect();
  }
}

/** A broker started with other settings or users (e.g. before SASL) is restarted with these. */
async function stopIfOutdated(properties: string, users: readonly KafkaCredentials[]): Promise<void> {
  if (runningPid(DAEMON) === undefined) return;
  const written = existsSync(PROPERTIES) ? readFileSync(PROPERTIES, 'utf8') : '';
  if (written === properties && formattedWith() === scramFingerprint(users)) return;
  say('Kafka runs with outdated settings or users: restarting it');
  await stopDaemon(DAEMON, 30_000);
}

/** Long enough for a broker to recover its logs after an unclean stop. */
const BROKER_UP_WITHIN_MS = 300_000;

export const kafka: Service = {
  name: 'kafka',
  endpoints: [`${HOST}:${Ports.kafka} (controller ${HOST}:${Ports.kafkaController})`],

  install: () => copyJars(join(ROOT, 'infra', 'kafka', 'pom.xml'), LIBS, `Kafka ${KAFKA_VERSION}`),

  async start() {
    const users = scramUsers();
    const properties = serverProperties(loadConfig().kafkaPrincipals.admin);
    await stopIfOutdated(properties, users);
    if (runningPid(DAEMON) === undefined) {
      mkdirSync(LOG_DIRS, { recursive: true });
      // It holds the admin password (JAAS): readable by its owner only.
      writeFileSync(PROPERTIES, properties);
      chmodSync(PROPERTIES, 0o600);
      await formatOnce(users);
      const [command, args] = java('kafka.Kafka', [PROPERTIES], '-Xmx768m');
      startDaemon({ name: 'kafka', marker: MARKER, command, args: ['-Xms256m', ...args] });
    }
    // A broker stopped uncleanly first recovers every log segment (a minute or more after a
    // benchmark's gigabyte): wait while its process lives, but not for a process that died.
    const outcome = await waitWhileAlive(brokerUp, () => runningPid(DAEMON) !== undefined, BROKER_UP_WITHIN_MS, 1_000);
    if (outcome !== 'up') throw notUp('kafka', outcome, BROKER_UP_WITHIN_MS);
  },

  healthy: () => brokerUp().catch(() => false),
  running: () => runningPid(DAEMON) !== undefined,

  stop: () => stopDaemon(DAEMON, 30_000),
};
