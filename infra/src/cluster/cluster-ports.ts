import { HOST, Ports } from '../layout';

/** Temporal's four services, each a process of its own (the frontend's gRPC port is Ports.temporal). */
export const TEMPORAL_SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

/**
 * The order the services start in. On a fresh database every service that finds no cluster
 * metadata record writes one; all but the first writer then exit with "failed to initialize
 * current cluster metadata" (CI saw it). History starts alone and writes the record; the other
 * three find it and start side by side.
 */
export const TEMPORAL_START_WAVES: readonly (readonly TemporalService[])[] = [['history'], ['frontend', 'matching', 'worker']];

/** Starts every service, wave after wave; a wave's services start together. */
export async function startTemporalInWaves(start: (service: TemporalService) => Promise<void>): Promise<void> {
  for (const wave of TEMPORAL_START_WAVES) await Promise.all(wave.map(start));
}

/** Temporal's own defaults (7233…, 6933…), shifted like every other port of the cluster. */
const shift = Ports.temporal - 7233;
const TEMPORAL_BASE: Record<TemporalService, { grpc: number; membership: number }> = {
  frontend: { grpc: 7233, membership: 6933 },
  history: { grpc: 7234, membership: 6934 },
  matching: { grpc: 7235, membership: 6935 },
  worker: { grpc: 7239, membership: 6939 },
};
/** Each service's Prometheus endpoint: 8000 + its index, shifted. */
const METRICS_BASE = 8000;

export interface TemporalServicePorts {
  readonly grpc: number;
  readonly membership: number;
  readonly metrics: number;
}

export function temporalPorts(service: TemporalService): TemporalServicePorts {
  const base = TEMPORAL_BASE[service];
  return { grpc: base.grpc + shift, membership: base.membership + shift, metrics: METRICS_BASE + TEMPORAL_SERVICES.indexOf(service) + shift };
}

/** Three KRaft nodes; node n (1…3) listens 100·(n−1) above the single broker's ports. */
export const KAFKA_NODE_IDS = [1, 2, 3] as const;
const BROKER_STRIDE = 100;

export function brokerPorts(id: number): { readonly port: number; readonly controllerPort: number } {
  return { port: Ports.kafka + BROKER_STRIDE * (id - 1), controllerPort: Ports.kafkaController + BROKER_STRIDE * (id - 1) };
}

export const BOOTSTRAP_SERVERS: readonly string[] = KAFKA_NODE_IDS.map((id) => `${HOST}:${brokerPorts(id).port}`);

/** An app's second instance listens one above the first. */
export const INSTANCES = [1, 2] as const;
export type Instance = (typeof INSTANCES)[number];
export const instancePort = (first: number, instance: Instance): number => first + instance - 1;
