import { dynamicConfigFile } from '../temporal/dynamic-config';
import { TEMPORAL_DATABASE, VISIBILITY_DATABASE } from '../temporal/server-config';
import { K8s, Sizing } from './topology';
import type { YamlValue } from './yaml';

const POSTGRES = 'polku-postgres.postgres.svc:5432';

function sqlStore(database: string, maxConns: number): YamlValue {
  return {
    sql: {
      // The DBA creates the database and the role; the chart's schema job applies Temporal's schema.
      createDatabase: false,
      manageSchema: true,
      pluginName: 'postgres12',
      databaseName: database,
      connectAddr: POSTGRES,
      connectProtocol: 'tcp',
      user: 'temporal',
      // The chart reads the password from this Secret; nothing here is a default.
      existingSecret: `temporal-${database.replaceAll('_', '-')}-store`,
      secretKey: 'password',
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
      tls: { enabled: true, enableHostVerification: true },
    },
  };
}

const service = (replicas: number, cpu: string, memory: string): YamlValue => ({
  replicaCount: replicas,
  resources: { requests: { cpu, memory }, limits: { memory } },
  podDisruptionBudget: { maxUnavailable: 1 },
});

/**
 * Values for Temporal's official Helm chart (temporalio/helm-charts, chart 1.x): PostgreSQL
 * persistence and visibility in databases of their own, the shard count of docs/capacity.md,
 * each service its own Deployment, the dynamic config the local cluster runs.
 */
export function temporalValues(): YamlValue {
  return {
    server: {
      image: { tag: K8s.temporalServerTag },
      config: {
        persistence: {
          defaultStore: 'default',
          visibilityStore: 'visibility',
          // Fixed for the cluster's life: sized for the national load with headroom (docs/capacity.md).
          numHistoryShards: Sizing.historyShards,
          datastores: { default: sqlStore(TEMPORAL_DATABASE, 40), visibility: sqlStore(VISIBILITY_DATABASE, 10) },
        },
        namespaces: { create: true, namespace: [{ name: 'polku', retention: '7d' }] },
      },
      dynamicConfig: dynamicConfigFile(),
      frontend: service(Sizing.temporal.frontend, '1', '1Gi'),
      history: service(Sizing.temporal.history, '2', '4Gi'),
      matching: service(Sizing.temporal.matching, '1', '1Gi'),
      worker: service(Sizing.temporal.worker, '250m', '512Mi'),
    },
    admintools: { enabled: true },
    web: { enabled: true, replicaCount: 2 },
    // The chart's own switch for 1.29 server images (we run the line the local cluster tests).
    shims: { dockerize: true },
  };
}
