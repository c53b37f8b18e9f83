import { appInstance } from '../apps';
import { HOST, Ports } from '../layout';
import type { Service } from '../service';
import { BOOTSTRAP_SERVERS, INSTANCES, instancePort, type Instance } from './cluster-ports';

export type ClusterApp = 'worker' | 'relay' | 'municipal-consumer' | 'wellbeing-consumer' | 'api';

/** Start order (the API last: its health checks the others' dependencies), first port, and the variable that sets it. */
const APPS: readonly { app: ClusterApp; port: number; variable: string }[] = [
  { app: 'worker', port: Ports.workerHealth, variable: 'WORKER_HEALTH_PORT' },
  { app: 'relay', port: Ports.relay, variable: 'RELAY_PORT' },
  { app: 'municipal-consumer', port: Ports.municipalConsumer, variable: 'MUNICIPAL_CONSUMER_PORT' },
  { app: 'wellbeing-consumer', port: Ports.wellbeingConsumer, variable: 'WELLBEING_CONSUMER_PORT' },
  { app: 'api', port: Ports.api, variable: 'API_PORT' },
];

export const instanceName = (app: ClusterApp, instance: Instance): string => `${app}-${instance}`;

/**
 * What every app instance on the cluster gets: `npm start`'s environment with all three brokers.
 * Both APIs name one issuer (tokens from either verify at both: they share the dev issuer's key
 * file) and fetch its keys from themselves, so neither depends on the other being up.
 */
function instanceEnv(base: NodeJS.ProcessEnv, app: ClusterApp, variable: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, KAFKA_BROKERS: BOOTSTRAP_SERVERS.join(','), [variable]: String(port) };
  if (app !== 'api') return env;
  return { ...env, AUTH_ISSUER: `http://${HOST}:${Ports.api}/dev-issuer`, AUTH_JWKS_URL: `http://${HOST}:${port}/dev-issuer/jwks` };
}

export function clusterApp(base: NodeJS.ProcessEnv, app: ClusterApp, instance: Instance): Service {
  const spec = APPS.find((candidate) => candidate.app === app);
  if (!spec) throw new Error(`no cluster app ${app}`);
  const port = instancePort(spec.port, instance);
  return appInstance(app, instanceName(app, instance), port, instanceEnv(base, app, spec.variable, port));
}

/** Every instance, in start order, both instances of an app side by side. */
export function clusterApps(base: NodeJS.ProcessEnv): Service[][] {
  return APPS.map(({ app }) => INSTANCES.map((instance) => clusterApp(base, app, instance)));
}

export function healthPort(app: ClusterApp, instance: Instance): number {
  const spec = APPS.find((candidate) => candidate.app === app);
  if (!spec) throw new Error(`no cluster app ${app}`);
  return instancePort(spec.port, instance);
}
