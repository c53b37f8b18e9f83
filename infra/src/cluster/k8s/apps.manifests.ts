import { APP_SPECS, type AppSpec } from './app-specs';
import { K8s, KAFKA_BOOTSTRAP, TEMPORAL_FRONTEND } from './topology';
import type { YamlValue } from './yaml';

const labels = (app: string): Record<string, string> => ({ 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': 'polku' });
const meta = (name: string, app?: string): Record<string, YamlValue> => ({ name, namespace: K8s.namespace, ...(app ? { labels: labels(app) } : {}) });
/** The CA certificates of PostgreSQL, Kafka (Strimzi's cluster CA) and Temporal, copied here by the operator. */
const CA_SECRET = 'polku-ca';

/**
 * Settings every app shares; none is a secret and none a development default (no
 * POLKU_LOCAL_DEV, no dev issuer). The names below are this deployment's, to be edited.
 */
export function configMap(): YamlValue {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta('polku-config', 'polku'),
    data: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      API_HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://polku-postgres.postgres.svc:5432/polku',
      DATABASE_SSL_MODE: 'verify-full',
      TEMPORAL_ADDRESS: TEMPORAL_FRONTEND,
      TEMPORAL_NAMESPACE: 'polku',
      TEMPORAL_TLS: 'true',
      KAFKA_BROKERS: KAFKA_BOOTSTRAP,
      KAFKA_SSL: 'true',
      AUTH_ISSUER: 'https://login.polku.example.fi/realms/polku',
      AUTH_AUDIENCE: 'polku-api',
      AUTH_JWKS_URL: 'https://login.polku.example.fi/realms/polku/protocol/openid-connect/certs',
    },
  };
}

/** The app's own secrets, empty: the operator fills them (an empty one fails the app's start, naming it). */
function secret(spec: AppSpec): YamlValue {
  return { apiVersion: 'v1', kind: 'Secret', metadata: meta(`polku-${spec.app}`, spec.app), type: 'Opaque', stringData: Object.fromEntries(spec.secrets.map((key) => [key, ''])) };
}

function env(spec: AppSpec): YamlValue[] {
  const fromSecret = (name: string, secretName: string, key: string): YamlValue => ({ name, valueFrom: { secretKeyRef: { name: secretName, key } } });
  return [
    { name: spec.portVariable, value: String(spec.port) },
    ...spec.secrets.map((key) => fromSecret(key, `polku-${spec.app}`, key)),
    ...(spec.kafkaPrincipal ? [fromSecret(`KAFKA_${spec.kafkaPrincipal.toUpperCase()}_PASSWORD`, spec.kafkaPrincipal, 'password')] : []),
    ...['DATABASE_SSL_CA', ...(spec.egress.includes('kafka') ? ['KAFKA_SSL_CA'] : []), ...(spec.egress.includes('temporal') ? ['TEMPORAL_TLS_CA'] : [])].map((key) => fromSecret(key, CA_SECRET, key)),
  ];
}

function container(spec: AppSpec): YamlValue {
  const probe = (path: string | undefined, period: number, failures: number): YamlValue => ({
    ...(path ? { httpGet: { path, port: 'http' } } : { tcpSocket: { port: 'http' } }),
    periodSeconds: period,
    timeoutSeconds: 3,
    failureThreshold: failures,
  });
  return {
    name: spec.app,
    image: K8s.image,
    command: ['node', '-r', '@swc-node/register', `apps/${spec.app}/src/main.ts`],
    ports: [{ name: 'http', containerPort: spec.port }],
    envFrom: [{ configMapRef: { name: 'polku-config' } }],
    env: env(spec),
    // Ready only while its dependencies answer (/health); alive while it serves at all, so a
    // database outage takes it out of rotation without restarting it in a loop.
    readinessProbe: probe('/health', 5, 3),
    livenessProbe: probe(undefined, 10, 6),
    startupProbe: probe(undefined, 5, 24),
    resources: { requests: { cpu: spec.resources.cpu, memory: spec.resources.memory }, limits: { cpu: spec.resources.cpuLimit, memory: spec.resources.memory } },
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
  };
}

function deployment(spec: AppSpec): YamlValue {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(spec.app, spec.app),
    spec: {
      replicas: spec.replicas,
      selector: { matchLabels: labels(spec.app) },
      // A new pod is ready before an old one goes: the relay's standby and the workers' capacity stay.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: labels(spec.app) },
        spec: {
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: spec.terminationGraceSeconds,
          securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: labels(spec.app) } }],
          containers: [container(spec)],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

function service(spec: AppSpec): YamlValue {
  return { apiVersion: 'v1', kind: 'Service', metadata: meta(spec.app, spec.app), spec: { selector: labels(spec.app), ports: [{ name: 'http', port: spec.port, targetPort: 'http' }] } };
}

/** One pod of each app may be evicted at a time: a drain never takes the last relay or worker. */
function disruptionBudget(spec: AppSpec): YamlValue {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta(spec.app, spec.app), spec: { maxUnavailable: 1, selector: { matchLabels: labels(spec.app) } } };
}

export function appDocuments(spec: AppSpec): YamlValue[] {
  return [secret(spec), deployment(spec), ...(spec.ingress ? [service(spec)] : []), disruptionBudget(spec)];
}

export function namespaceDocument(): YamlValue {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: K8s.namespace, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } };
}

export { APP_SPECS, labels };
