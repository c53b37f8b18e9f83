import { installManifestValidator } from './k8s/validator';
import { installTemporalCluster } from './temporal/build';

/**
 * What `npm test` installs beside its other tools, in parallel with them: the manifest
 * validator (kubeconform and the schemas) and, unless the cluster phase is skipped, the
 * Temporal server the cluster suite runs — each built once into the shared cache.
 */
export function clusterTestTools(): Promise<unknown>[] {
  return [installManifestValidator(), ...(process.env['POLKU_SKIP_CLUSTER'] === '1' ? [] : [installTemporalCluster()])];
}
