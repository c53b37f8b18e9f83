import { APP_SPECS, labels } from './apps.manifests';
import type { AppSpec, Dependency } from './app-specs';
import { K8s } from './topology';
import type { YamlValue } from './yaml';

const inNamespace = (namespace: string, pods: Record<string, string>): YamlValue => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } }, podSelector: { matchLabels: pods } });

/** Where each dependency is, and its port: the only flows ARCHITECTURE.md names. */
const PEERS: Record<Exclude<Dependency, 'oidc'>, { to: YamlValue; port: number }> = {
  postgres: { to: inNamespace(K8s.postgresNamespace, { 'app.kubernetes.io/name': 'postgresql' }), port: 5432 },
  temporal: { to: inNamespace(K8s.temporalNamespace, { 'app.kubernetes.io/name': 'temporal', 'app.kubernetes.io/component': 'frontend' }), port: 7233 },
  kafka: { to: inNamespace(K8s.kafkaNamespace, { 'strimzi.io/cluster': K8s.kafkaCluster, 'strimzi.io/kind': 'Kafka' }), port: 9093 },
};
const DNS: YamlValue = { to: [inNamespace('kube-system', { 'k8s-app': 'kube-dns' })], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] };
/** The identity provider's JWKS is outside the cluster: HTTPS anywhere but the cluster's own ranges. */
const OIDC: YamlValue = { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 443 }] };

function egress(spec: AppSpec): YamlValue[] {
  return [DNS, ...spec.egress.map((dependency) => (dependency === 'oidc' ? OIDC : { to: [PEERS[dependency].to], ports: [{ protocol: 'TCP', port: PEERS[dependency].port }] }))];
}

/** Staff reach the API and the consumers' read endpoints through the ingress controller only; nothing else reaches any app. */
function appPolicy(spec: AppSpec): YamlValue {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: spec.app, namespace: K8s.namespace, labels: labels(spec.app) },
    spec: {
      podSelector: { matchLabels: labels(spec.app) },
      policyTypes: ['Ingress', 'Egress'],
      ingress: spec.ingress ? [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': K8s.ingressNamespace } } }], ports: [{ protocol: 'TCP', port: spec.port }] }] : [],
      egress: egress(spec),
    },
  };
}

/** Everything in the namespace is denied unless a policy above allows it. */
function denyAll(): YamlValue {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: K8s.namespace }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } };
}

export function networkDocuments(): YamlValue[] {
  return [denyAll(), ...APP_SPECS.map(appPolicy)];
}
