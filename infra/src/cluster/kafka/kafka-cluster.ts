import { kafkaFor, loadConfig } from '@polku/config';
import { createKafka, ensureAcls, ensureTopicConfigs, ensureTopics, projectTopics, withAdmin } from '@polku/kafka';
import { Kafka, logLevel } from 'kafkajs';
import { copyJars } from '../../maven';
import { join } from 'node:path';
import { KAFKA_LIBS } from '../../kafka';
import { ROOT } from '../../layout';
import { say } from '../../log';
import { runningPid, tailLog, waitFor } from '../../process';
import type { Service } from '../../service';
import { BOOTSTRAP_SERVERS, KAFKA_NODE_IDS } from '../cluster-ports';
import { brokerDaemon, REPLICATION_FACTOR, startBrokers, stopBroker } from './brokers';
import { whileMetadataSpreads } from './metadata-retry';

/** Three JVMs electing a quorum on two busy cores. */
const QUORUM_WITHIN_MS = 180_000;
const POLL_MS = 1_000;
const COORDINATOR_WITHIN_MS = 60_000;
/** How long new topics may take to be known to every broker of a fresh cluster. */
const METADATA_WITHIN_MS = 30_000;

function adminClient(): Kafka {
  const { sasl } = kafkaFor(loadConfig(), 'admin');
  return new Kafka({ clientId: 'polku-cluster-infra', brokers: [...BOOTSTRAP_SERVERS], ...(sasl ? { sasl: { ...sasl } } : {}), logLevel: logLevel.NOTHING, retry: { retries: 0 } });
}

/** The broker ids the cluster's metadata lists as alive, and whether a controller is elected. */
export function liveBrokers(): Promise<{ ids: number[]; controller: boolean }> {
  return withAdmin(adminClient(), async (admin) => {
    const cluster = await admin.describeCluster();
    return { ids: cluster.brokers.map((broker) => broker.nodeId).sort(), controller: cluster.controller !== null };
  });
}

/** A consumer group's state (`Stable`, `PreparingRebalance`, `Empty`, …) and how many members it has. */
export function groupState(groupId: string): Promise<{ state: string; members: number }> {
  return withAdmin(adminClient(), async (admin) => {
    // describeGroups looks for the coordinator among the brokers the client's metadata lists,
    // which a fresh client has not loaded yet, and this client does not retry: load it first.
    await admin.fetchTopicMetadata();
    const { groups } = await admin.describeGroups([groupId]);
    const group = groups[0];
    return { state: group?.state ?? 'Unknown', members: group?.members.length ?? 0 };
  });
}

export async function brokersUp(ids: readonly number[] = KAFKA_NODE_IDS): Promise<boolean> {
  const live = await liveBrokers();
  return live.controller && ids.every((id) => live.ids.includes(id));
}

export function waitForBrokers(ids: readonly number[] = KAFKA_NODE_IDS, timeoutMs = QUORUM_WITHIN_MS): Promise<boolean> {
  return waitFor(() => brokersUp(ids), timeoutMs, POLL_MS);
}

/** The three KRaft nodes as one service of `npm run cluster`. */
export const kafkaCluster: Service = {
  name: 'kafka-cluster',
  endpoints: [`${BOOTSTRAP_SERVERS.join(',')} (3 KRaft nodes, replication factor ${REPLICATION_FACTOR})`],
  install: () => copyJars(join(ROOT, 'infra', 'kafka', 'pom.xml'), KAFKA_LIBS, 'Kafka'),
  async start() {
    await startBrokers();
    if (!(await waitForBrokers())) throw new Error(`the three Kafka nodes did not form a cluster:\n${KAFKA_NODE_IDS.map((id) => tailLog(`kafka-${id}`, 10)).join('\n')}`);
  },
  healthy: () => brokersUp().catch(() => false),
  running: () => KAFKA_NODE_IDS.every((id) => runningPid(brokerDaemon(id)) !== undefined),
  async stop() {
    const stopped = await Promise.all(KAFKA_NODE_IDS.map((id) => stopBroker(id)));
    return stopped.some(Boolean);
  },
};

/** Topics from the one declaration (libs/kafka/src/topics.ts) with three replicas, and the same ACLs as `npm start`. */
export async function createClusterTopics(): Promise<void> {
  const config = loadConfig();
  const admin = kafkaFor(config, 'admin');
  const kafka = createKafka({ ...admin, brokers: [...BOOTSTRAP_SERVERS], clientId: 'polku-cluster-infra' });
  const topics = projectTopics({ replicationFactor: REPLICATION_FACTOR });
  // createTopics waits for leaders through whichever broker it asks; on a fresh cluster that broker
  // may not have heard of a topic yet and answers "does not host this topic-partition" (CI, stop 16).
  // ensureTopics creates only what is missing, so asking again is safe.
  const created: string[] = [];
  await whileMetadataSpreads(async () => created.push(...(await ensureTopics(kafka, topics))), METADATA_WITHIN_MS, POLL_MS);
  say(created.length > 0 ? `cluster topics created (×${REPLICATION_FACTOR}): ${created.join(', ')}` : 'cluster topics present');
  await whileMetadataSpreads(() => ensureTopicConfigs(kafka, topics), METADATA_WITHIN_MS, POLL_MS);
  const { relay, municipal, wellbeing, api } = config.kafkaPrincipals;
  const acls = await ensureAcls(kafka, { relay: relay.username, municipal: municipal.username, wellbeing: wellbeing.username, api: api.username });
  say(`cluster ACLs: ${acls.created} granted, ${acls.deleted} revoked`);
  await warmTransactionCoordinator(kafka);
}

/**
 * The first idempotent producer of a new cluster creates __transaction_state (three replicas)
 * and waits while its coordinator loads. The DLQ replay's producer is idempotent (the relays'
 * is not: docs/relay.md); so the set-up makes that first producer itself, before any app starts.
 */
async function warmTransactionCoordinator(kafka: ReturnType<typeof createKafka>): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  if (!(await waitFor(() => producer.connect().then(() => true), COORDINATOR_WITHIN_MS, POLL_MS))) throw new Error('the Kafka transaction coordinator did not load');
  await producer.disconnect();
}

/** Leaders and in-sync replicas of the project's topics' partitions. */
export function partitionStates(): Promise<{ leader: number; isr: number; replicas: number }[]> {
  return withAdmin(adminClient(), async (admin) => {
    const topics = projectTopics({ replicationFactor: REPLICATION_FACTOR }).map((spec) => spec.topic);
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
    return metadata.flatMap((topic) => topic.partitions.map((partition) => ({ leader: partition.leader, isr: partition.isr.length, replicas: partition.replicas.length })));
  });
}
