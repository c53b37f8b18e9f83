import { clusterApp, type ClusterApp } from '../cluster-apps';
import { INSTANCES } from '../cluster-ports';

/**
 * Runs exactly `count` instances of `app` (the first `count` of the two): the others are
 * stopped, these started (start waits until each is healthy).
 */
export async function scaleTo(appEnv: NodeJS.ProcessEnv, app: ClusterApp, count: 0 | 1 | 2): Promise<void> {
  const instances = INSTANCES.map((instance) => clusterApp(appEnv, app, instance));
  await Promise.all(instances.slice(count).map((service) => service.stop()));
  await Promise.all(instances.slice(0, count).map((service) => service.start()));
}
