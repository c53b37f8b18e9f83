import { join } from 'node:path';
import { HOME, ROOT } from '../layout';
import { secondStackEnv } from '../stack-env';

/**
 * Where the production-topology cluster lives (`npm run cluster`): a stack of its own beside the
 * one `npm start` runs — data, logs and pid files under .polku/cluster, every port shifted by
 * CLUSTER_PORT_OFFSET — sharing only the built tools (.polku/cache).
 */
export const CLUSTER_HOME = join(ROOT, '.polku', 'cluster');
/** The chaos stack takes +10000; the cluster +20000 (layout.ts allows up to 20000). */
export const CLUSTER_PORT_OFFSET = 20_000;
/** Set in the child process that acts on the cluster. */
export const CLUSTER_CHILD_FLAG = 'POLKU_CLUSTER_CHILD';
/** What the cluster suite and bench write: the failover table and the scale figures. */
export const CLUSTER_ARTIFACTS = join(ROOT, '.polku', 'artifacts', 'cluster');

/** The environment of the child process that drives the cluster. */
export function clusterStackEnv(): NodeJS.ProcessEnv {
  return secondStackEnv({ home: CLUSTER_HOME, portOffset: CLUSTER_PORT_OFFSET, childFlag: CLUSTER_CHILD_FLAG });
}

/**
 * The cluster's faults kill processes found by pid files: refuse to act unless this process is
 * the cluster's (its home and shifted ports), never the stack everyone else uses.
 */
export function assertClusterStack(): void {
  const offset = process.env['POLKU_PORT_OFFSET'];
  if (HOME !== CLUSTER_HOME || offset !== String(CLUSTER_PORT_OFFSET)) {
    throw new Error(`this only acts on the cluster (POLKU_HOME=${CLUSTER_HOME}, POLKU_PORT_OFFSET=${CLUSTER_PORT_OFFSET}); this process has POLKU_HOME=${HOME}, POLKU_PORT_OFFSET=${offset ?? 'unset'}`);
  }
}
