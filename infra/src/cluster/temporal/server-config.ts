import { HOST, Ports } from '../../layout';
import { TEMPORAL_SERVICES, temporalPorts, type TemporalService } from '../cluster-ports';

/** ≥ 8 (issue 13); a shard count is fixed for a cluster's life: docs/capacity.md sizes production's. */
export const HISTORY_SHARDS = 8;
export const TEMPORAL_DATABASE = 'temporal';
export const VISIBILITY_DATABASE = 'temporal_visibility';
/** Connections each service process may hold to each database (PostgreSQL's max_connections is 200). */
const MAX_CONNS = 8;
const VISIBILITY_MAX_CONNS = 3;
const DYNAMIC_CONFIG_POLL = '10s';

export interface TemporalDatabaseLogin {
  readonly user: string;
  readonly password: string;
}

function sqlStore(database: string, login: TemporalDatabaseLogin, maxConns: number): object {
  return {
    sql: {
      pluginName: 'postgres12',
      databaseName: database,
      connectAddr: `${HOST}:${Ports.postgres}`,
      connectProtocol: 'tcp',
      user: login.user,
      password: login.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  };
}

function serviceEntry(service: TemporalService): [TemporalService, object] {
  const { grpc, membership } = temporalPorts(service);
  // Only the frontend serves HTTP (the HTTP API, which the UI does not need).
  const http = service === 'frontend' ? { httpPort: Ports.temporalHttp } : {};
  return [service, { rpc: { grpcPort: grpc, membershipPort: membership, bindOnIP: HOST, ...http } }];
}

/**
 * The server's static config (one file; each process starts with `--service <name>` and
 * takes its own part): PostgreSQL persistence and visibility in databases of their own,
 * HISTORY_SHARDS shards, membership on loopback, each service's metrics on a port of its own.
 * JSON is YAML, so the server reads it as it is.
 */
export function serverConfig(login: TemporalDatabaseLogin, dynamicConfigFile: string, service: TemporalService): object {
  return {
    log: { stdout: true, level: 'warn' },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: HISTORY_SHARDS,
      datastores: { default: sqlStore(TEMPORAL_DATABASE, login, MAX_CONNS), visibility: sqlStore(VISIBILITY_DATABASE, login, VISIBILITY_MAX_CONNS) },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: HOST },
      metrics: { prometheus: { framework: 'tally', timerType: 'histogram', listenAddress: `${HOST}:${temporalPorts(service).metrics}` } },
    },
    services: Object.fromEntries(TEMPORAL_SERVICES.map(serviceEntry)),
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'polku',
      currentClusterName: 'polku',
      clusterInformation: { polku: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `${HOST}:${Ports.temporal}` } },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: DYNAMIC_CONFIG_POLL },
  };
}
