import { projectTopics, type AclPrincipal } from '@polku/kafka';
import type { AclEntry } from 'kafkajs';
import { MIN_IN_SYNC, REPLICATION_FACTOR } from '../kafka/brokers';
import { APP_SPECS, labels } from './apps.manifests';
import { PRINCIPAL_USERS, strimziAcls } from './acl-table';
import { K8s, Sizing } from './topology';
import type { YamlValue } from './yaml';

const API_VERSION = 'kafka.strimzi.io/v1beta2';
const clusterLabel = { 'strimzi.io/cluster': K8s.kafkaCluster };
/** Only the apps with a Kafka principal may open a connection to the brokers' listener. */
const CLIENTS = APP_SPECS.filter((spec) => spec.kafkaPrincipal !== undefined);

function nodePool(): YamlValue {
  return {
    apiVersion: API_VERSION,
    kind: 'KafkaNodePool',
    metadata: { name: 'dual-role', namespace: K8s.kafkaNamespace, labels: clusterLabel },
    spec: {
      replicas: Sizing.kafkaBrokers,
      roles: ['controller', 'broker'],
      storage: { type: 'jbod', volumes: [{ id: 0, type: 'persistent-claim', size: Sizing.kafkaStorage, deleteClaim: false, kraftMetadata: 'shared' }] },
      resources: { requests: { cpu: '2', memory: '8Gi' }, limits: { memory: '8Gi' } },
    },
  };
}

/** The same broker settings as the local cluster (infra/src/cluster/kafka/brokers.ts). */
function kafka(): YamlValue {
  return {
    apiVersion: API_VERSION,
    kind: 'Kafka',
    metadata: { name: K8s.kafkaCluster, namespace: K8s.kafkaNamespace, annotations: { 'strimzi.io/node-pools': 'enabled', 'strimzi.io/kraft': 'enabled' } },
    spec: {
      kafka: {
        version: K8s.strimziKafkaVersion,
        listeners: [
          {
            name: 'tls',
            port: 9093,
            type: 'internal',
            tls: true,
            authentication: { type: 'scram-sha-512' },
            networkPolicyPeers: CLIENTS.map((spec) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': K8s.namespace } }, podSelector: { matchLabels: labels(spec.app) } })),
          },
        ],
        authorization: { type: 'simple' },
        config: {
          'auto.create.topics.enable': false,
          'default.replication.factor': REPLICATION_FACTOR,
          'min.insync.replicas': MIN_IN_SYNC,
          'offsets.topic.replication.factor': REPLICATION_FACTOR,
          'transaction.state.log.replication.factor': REPLICATION_FACTOR,
          'transaction.state.log.min.isr': MIN_IN_SYNC,
          'unclean.leader.election.enable': false,
        },
      },
      entityOperator: { topicOperator: { watchedNamespace: K8s.kafkaNamespace }, userOperator: { watchedNamespace: K8s.namespace } },
    },
  };
}

/** Every topic from libs/kafka's one declaration, three replicas. */
function topics(): YamlValue[] {
  return projectTopics({ replicationFactor: REPLICATION_FACTOR }).map((spec) => ({
    apiVersion: API_VERSION,
    kind: 'KafkaTopic',
    metadata: { name: spec.topic, namespace: K8s.kafkaNamespace, labels: clusterLabel },
    spec: { topicName: spec.topic, partitions: spec.numPartitions, replicas: spec.replicationFactor, config: { ...spec.configs } },
  }));
}

/** A SCRAM user per principal with exactly its ACLs from the table; the user operator writes its password Secret beside the apps. */
export function kafkaUser(principal: AclPrincipal, table: readonly AclEntry[]): YamlValue {
  return {
    apiVersion: API_VERSION,
    kind: 'KafkaUser',
    metadata: { name: PRINCIPAL_USERS[principal], namespace: K8s.namespace, labels: clusterLabel },
    spec: { authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple', acls: strimziAcls(table, principal).map((acl) => ({ ...acl, resource: { ...acl.resource } })) } },
  };
}

export const KAFKA_USERS: readonly AclPrincipal[] = ['relay', 'municipal', 'wellbeing', 'api'];

export function strimziDocuments(table: readonly AclEntry[]): { cluster: YamlValue[]; topics: YamlValue[]; users: YamlValue[] } {
  return { cluster: [nodePool(), kafka()], topics: topics(), users: KAFKA_USERS.map((principal) => kafkaUser(principal, table)) };
}
