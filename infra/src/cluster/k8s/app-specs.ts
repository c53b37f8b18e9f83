import type { AclPrincipal } from '@polku/kafka';
import { Sizing } from './topology';

export type AppName = 'api' | 'worker' | 'relay' | 'municipal-consumer' | 'wellbeing-consumer';
export type Dependency = 'postgres' | 'temporal' | 'kafka' | 'oidc';

/** What each app is, as its Deployment, Service, Secret and NetworkPolicies need it (ARCHITECTURE.md's flows). */
export interface AppSpec {
  readonly app: AppName;
  readonly port: number;
  /** The variable that sets it (each app reads its own). */
  readonly portVariable: string;
  readonly replicas: number;
  /** Staff reach it through the ingress (the API, the consumers' read endpoints). */
  readonly ingress: boolean;
  readonly egress: readonly Dependency[];
  /** Its Kafka principal: the password comes from the Secret Strimzi's user operator writes. */
  readonly kafkaPrincipal?: AclPrincipal;
  /** Secret values only this app gets (docs/security.md, least privilege). */
  readonly secrets: readonly string[];
  readonly resources: { readonly cpu: string; readonly memory: string; readonly cpuLimit: string };
  /** Seconds a graceful stop may take (the worker drains its tasks). */
  readonly terminationGraceSeconds: number;
}

const TEMPORAL_CLIENT = ['POLKU_PAYLOAD_KEYS', 'POLKU_PAYLOAD_KEY_ID', 'TEMPORAL_TLS_CERT', 'TEMPORAL_TLS_KEY'];

export const APP_SPECS: readonly AppSpec[] = [
  {
    app: 'api',
    port: 3000,
    portVariable: 'API_PORT',
    replicas: Sizing.replicas.api,
    ingress: true,
    egress: ['postgres', 'temporal', 'kafka', 'oidc'],
    kafkaPrincipal: 'api',
    secrets: ['DATABASE_API_PASSWORD', 'POLKU_IDENTITY_MASTER_KEY', 'POLKU_IDENTITY_MASTER_KEY_ID', 'POLKU_IDENTITY_FINGERPRINT_KEY', ...TEMPORAL_CLIENT],
    resources: { cpu: '500m', memory: '512Mi', cpuLimit: '2' },
    terminationGraceSeconds: 30,
  },
  {
    app: 'worker',
    port: 3100,
    portVariable: 'WORKER_HEALTH_PORT',
    replicas: Sizing.replicas.worker,
    ingress: false,
    egress: ['postgres', 'temporal'],
    secrets: ['DATABASE_WORKER_PASSWORD', ...TEMPORAL_CLIENT],
    resources: { cpu: '1', memory: '2Gi', cpuLimit: '2' },
    terminationGraceSeconds: 60,
  },
  {
    app: 'relay',
    port: 3200,
    portVariable: 'RELAY_PORT',
    replicas: Sizing.replicas.relay,
    ingress: false,
    egress: ['postgres', 'kafka'],
    kafkaPrincipal: 'relay',
    secrets: ['DATABASE_RELAY_PASSWORD'],
    resources: { cpu: '500m', memory: '512Mi', cpuLimit: '2' },
    terminationGraceSeconds: 30,
  },
  ...(['municipal', 'wellbeing'] as const).map(
    (agency): AppSpec => ({
      app: `${agency}-consumer`,
      port: agency === 'municipal' ? 3300 : 3400,
      portVariable: `${agency.toUpperCase()}_CONSUMER_PORT`,
      replicas: Sizing.replicas[`${agency}-consumer`],
      ingress: true,
      egress: ['postgres', 'kafka', 'oidc'],
      kafkaPrincipal: agency,
      secrets: [`DATABASE_${agency.toUpperCase()}_CONSUMER_PASSWORD`],
      resources: { cpu: '250m', memory: '384Mi', cpuLimit: '1' },
      terminationGraceSeconds: 30,
    }),
  ),
];
