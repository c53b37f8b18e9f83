import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { CACHE, DATA, HOST, LOGS, Ports, ROOT } from './layout';
import { say } from './log';
import { copyJars } from './maven';
import { runLogged, runningPid, startDaemon, stopDaemon, tailLog, waitFor } from './process';
import type { Service } from './service';

/** Pinned in infra/kafka/pom.xml; 3.9.x is the line kafkajs 2.2 is known to work with. */
const KAFKA_VERSION = '3.9.1';
const LIBS = join(CACHE, `kafka-${KAFKA_VERSION}`, 'libs');
const DIR = join(DATA, 'kafka');
const LOG_DIRS = join(DIR, 'logs');
const PROPERTIES = join(DIR, 'server.properties');
const MARKER = PROPERTIES;

function serverProperties(): string {
  return [
    '# Written by infra/src/kafka.ts at every start; edit that file, not this one.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${HOST}:${Ports.kafkaController}`,
    `listeners=PLAINTEXT://${HOST}:${Ports.kafka},CONTROLLER://${HOST}:${Ports.kafkaController}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${Ports.kafka}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${LOG_DIRS}`,
    // Topics exist only when project code creates them.
    'auto.create.topics.enable=false',
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'log.retention.hours=168',
    '',
  ].join('\n');
}

function java(mainClass: string, args: string[], heap = '-Xmx256m'): [string, string[]] {
  return [
    'java',
    [heap, '-XX:+UseG1GC', `-Dlog4j.configuration=file:${join(ROOT, 'infra', 'kafka', 'log4j.properties')}`, `-Dkafka.logs.dir=${LOGS}`, '-cp', `${LIBS}/*`, mainClass, ...args],
  ];
}

/** Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding. */
function newClusterId(): string {
  return randomBytes(16).toString('base64url');
}

async function formatOnce(): Promise<void> {
  if (existsSync(join(LOG_DIRS, 'meta.properties'))) return;
  say('formatting Kafka KRaft storage (first time only)');
  const [command, args] = java('kafka.tools.StorageTool', ['format', '-t', newClusterId(), '-c', PROPERTIES, '--ignore-formatted']);
  await runLogged(command, args, 'kafka-format');
}

async function brokerUp(): Promise<boolean> {
  const admin = new Kafka({ clientId: 'polku-infra', brokers: [`${HOST}:${Ports.kafka}`], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } finally {
    await admin.disconnect();
  }
}

export const kafka: Service = {
  name: 'kafka',
  endpoints: [`${HOST}:${Ports.kafka} (controller ${HOST}:${Ports.kafkaController})`],

  install: () => copyJars(join(ROOT, 'infra', 'kafka', 'pom.xml'), LIBS, `Kafka ${KAFKA_VERSION}`),

  async start() {
    if (runningPid({ name: 'kafka', marker: MARKER }) === undefined) {
      mkdirSync(LOG_DIRS, { recursive: true });
      writeFileSync(PROPERTIES, serverProperties());
      await formatOnce();
      const [command, args] = java('kafka.Kafka', [PROPERTIES], '-Xmx768m');
      startDaemon({ name: 'kafka', marker: MARKER, command, args: ['-Xms256m', ...args] });
    }
    if (!(await waitFor(() => brokerUp(), 90_000, 1_000))) throw new Error(`Kafka did not become healthy:\n${tailLog('kafka')}`);
  },

  healthy: () => brokerUp().catch(() => false),

  stop: () => stopDaemon({ name: 'kafka', marker: MARKER }, 30_000),
};
