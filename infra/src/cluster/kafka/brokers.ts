import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type KafkaCredentials } from '@polku/config';
import { java, newClusterId, scramFingerprint, scramUsers, serverProperties, type BrokerNode } from '../../kafka';
import { DATA, HOST, LOGS } from '../../layout';
import { say } from '../../log';
import { runLogged, runningPid, startDaemon, stopDaemon, tailLog } from '../../process';
import { brokerPorts, KAFKA_NODE_IDS } from '../cluster-ports';

/** Replication factor 3 and two in sync for a write: one broker may be down without losing an acked record. */
export const REPLICATION_FACTOR = 3;
export const MIN_IN_SYNC = 2;
/** How often the controller gives nodes back their preferred leaderships (Kafka's default is 300 s). */
export const LEADER_IMBALANCE_CHECK_S = 10;
/** Small heaps: three JVMs share two cores and the rest of the cluster. */
const HEAP = ['-Xms128m', '-Xmx384m'];
const STOP_GRACE_MS = 30_000;
const CLUSTER_ID_FILE = join(DATA, 'kafka-cluster', 'cluster-id');

const nodeDir = (id: number): string => join(DATA, `kafka-${id}`);
export const brokerDaemon = (id: number): { name: string; marker: string } => ({ name: `kafka-${id}`, marker: join(nodeDir(id), 'server.properties') });
const fingerprintFile = (id: number): string => join(nodeDir(id), 'scram-users.sha256');

export function brokerNode(id: number): BrokerNode {
  const { port, controllerPort } = brokerPorts(id);
  return {
    id,
    port,
    controllerPort,
    logDirs: join(nodeDir(id), 'logs'),
    voters: KAFKA_NODE_IDS.map((voter) => `${voter}@${HOST}:${brokerPorts(voter).controllerPort}`).join(','),
    internalReplicas: REPLICATION_FACTOR,
    internalMinInSync: MIN_IN_SYNC,
    // An out-of-sync replica never becomes leader: losing acked records is worse than waiting.
    // A node back from a failure (or a restart) takes its preferred leaderships back within
    // seconds instead of Kafka's default 5 minutes, so the next fault meets a balanced cluster.
    extra: [`default.replication.factor=${REPLICATION_FACTOR}`, `min.insync.replicas=${MIN_IN_SYNC}`, 'unclean.leader.election.enable=false', `leader.imbalance.check.interval.seconds=${LEADER_IMBALANCE_CHECK_S}`],
  };
}

function formattedWith(id: number): string | undefined {
  if (!existsSync(join(brokerNode(id).logDirs, 'meta.properties'))) return undefined;
  return existsSync(fingerprintFile(id)) ? readFileSync(fingerprintFile(id), 'utf8').trim() : '';
}

/** Each broker's JVM, its own log4j folder so three brokers do not share one file. */
function brokerCommand(id: number, mainClass: string, args: string[], heap?: string): [string, string[]] {
  const [command, javaArgs] = java(mainClass, args, heap);
  return [command, javaArgs.map((arg) => (arg.startsWith('-Dkafka.logs.dir=') ? `-Dkafka.logs.dir=${join(LOGS, `kafka-${id}`)}` : arg))];
}

async function format(id: number, clusterId: string, users: readonly KafkaCredentials[]): Promise<void> {
  const { logDirs } = brokerNode(id);
  rmSync(logDirs, { recursive: true, force: true });
  mkdirSync(logDirs, { recursive: true });
  const scram = users.flatMap(({ username, password }) => ['--add-scram', `SCRAM-SHA-512=[name=${username},password="${password}"]`]);
  const [command, args] = brokerCommand(id, 'kafka.tools.StorageTool', ['format', '-t', clusterId, '-c', brokerDaemon(id).marker, ...scram]);
  // The arguments hold the passwords: report the log, never the command line.
  await runLogged(command, args, `kafka-${id}-format`).catch(() => {
    throw new Error(`formatting Kafka node ${id} failed:\n${tailLog(`kafka-${id}-format`)}`);
  });
  writeFileSync(fingerprintFile(id), `${scramFingerprint(users)}\n`);
}

/**
 * Formats all three nodes with one cluster id and every principal's SCRAM user, once. If any
 * node is unformatted or has other users, all three are stopped and formatted again (local
 * cluster data is disposable; topics and ACLs are recreated by the set-up that follows).
 */
async function formatOnce(users: readonly KafkaCredentials[]): Promise<void> {
  const fingerprint = scramFingerprint(users);
  if (KAFKA_NODE_IDS.every((id) => formattedWith(id) === fingerprint)) return;
  say('formatting the three Kafka nodes with one cluster id and the SCRAM users');
  await Promise.all(KAFKA_NODE_IDS.map((id) => stopDaemon(brokerDaemon(id), STOP_GRACE_MS)));
  const clusterId = newClusterId();
  mkdirSync(join(DATA, 'kafka-cluster'), { recursive: true });
  writeFileSync(CLUSTER_ID_FILE, `${clusterId}\n`);
  for (const id of KAFKA_NODE_IDS) await format(id, clusterId, users);
}

function writeProperties(id: number, properties: string): void {
  mkdirSync(nodeDir(id), { recursive: true });
  writeFileSync(brokerDaemon(id).marker, properties);
  chmodSync(brokerDaemon(id).marker, 0o600); // the admin's password (JAAS)
}

/** Starts whichever of the three nodes is not running (a node with outdated settings is restarted). */
export async function startBrokers(ids: readonly number[] = KAFKA_NODE_IDS): Promise<void> {
  const users = scramUsers();
  const admin = loadConfig().kafkaPrincipals.admin;
  for (const id of KAFKA_NODE_IDS) {
    const properties = serverProperties(admin, brokerNode(id));
    const current = existsSync(brokerDaemon(id).marker) ? readFileSync(brokerDaemon(id).marker, 'utf8') : '';
    if (current !== properties) await stopDaemon(brokerDaemon(id), STOP_GRACE_MS);
    writeProperties(id, properties);
  }
  await formatOnce(users);
  for (const id of ids) {
    if (runningPid(brokerDaemon(id)) !== undefined) continue;
    const [command, args] = brokerCommand(id, 'kafka.Kafka', [brokerDaemon(id).marker], HEAP[1]);
    startDaemon({ ...brokerDaemon(id), command, args: [HEAP[0] as string, ...args] });
  }
}

export function stopBroker(id: number): Promise<boolean> {
  return stopDaemon(brokerDaemon(id), STOP_GRACE_MS);
}
