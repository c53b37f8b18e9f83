import { DEFAULT_PARTITIONS } from '@polku/kafka';
import { HISTORY_SHARDS } from '../temporal/server-config';

/**
 * Where Polku's parts live in a Kubernetes deployment, and the sizes docs/capacity.md derives.
 * Every manifest under infra/k8s is generated from these and the project's own tables
 * (topics, ACLs, dynamic config), so nothing can drift from what the code and tests use.
 */
export const K8s = {
  namespace: 'polku',
  kafkaNamespace: 'kafka',
  temporalNamespace: 'temporal',
  /** PostgreSQL is a managed service or an operator's cluster in this namespace. */
  postgresNamespace: 'postgres',
  ingressNamespace: 'ingress-nginx',
  kafkaCluster: 'polku',
  temporalRelease: 'temporal',
  /** One image, the repository at a commit after `npm ci`; each app is its entry file. */
  image: 'registry.example.fi/polku/polku:0.1.0',
  strimziKafkaVersion: '3.9.0',
  temporalServerTag: '1.29.1',
} as const;

/** The national sizing of docs/capacity.md ("Sizing"). The local cluster runs HISTORY_SHARDS. */
export const Sizing = {
  historyShards: 512,
  localHistoryShards: HISTORY_SHARDS,
  partitions: DEFAULT_PARTITIONS,
  kafkaBrokers: 3,
  kafkaStorage: '500Gi',
  replicas: { api: 3, worker: 4, relay: 2, 'municipal-consumer': 2, 'wellbeing-consumer': 2 },
  temporal: { frontend: 3, history: 5, matching: 3, worker: 2 },
} as const;

export const KAFKA_BOOTSTRAP = `${K8s.kafkaCluster}-kafka-bootstrap.${K8s.kafkaNamespace}.svc:9093`;
export const TEMPORAL_FRONTEND = `${K8s.temporalRelease}-frontend.${K8s.temporalNamespace}.svc:7233`;
