/**
 * The cluster's Temporal dynamic config: written to infra/temporal/dynamicconfig/cluster.yaml
 * (which the local services read, re-reading it every 10 s) and into the Helm chart's
 * `server.dynamicConfig` (infra/k8s/temporal/values.yaml), so both run the same settings.
 */
export const DYNAMIC_CONFIG: Readonly<Record<string, number | boolean>> = {
  // Defaults suit a service with many namespaces; Polku has one, and a benchmark must measure
  // Temporal and our code, not a limiter.
  'frontend.namespaceRPS': 20_000,
  'frontend.rps': 20_000,
  'frontend.namespaceRPS.visibility': 2_000,
  'frontend.persistenceMaxQPS': 20_000,
  'history.persistenceMaxQPS': 20_000,
  'matching.persistenceMaxQPS': 20_000,
  'worker.persistenceMaxQPS': 2_000,
  'system.visibilityPersistenceMaxReadQPS': 2_000,
  'system.visibilityPersistenceMaxWriteQPS': 2_000,
  // Staff commands are Updates; a path starts with update-with-start (ExecuteMultiOperation).
  'frontend.enableUpdateWorkflowExecution': true,
  'frontend.enableExecuteMultiOperation': true,
  // Worker Versioning (deployments, build ids): docs/cluster.md, "Rolling out a new workflow version".
  'system.enableDeploymentVersions': true,
  'frontend.workerVersioningWorkflowAPIs': true,
  // One task queue carries every path; its partitions spread matching's load over its hosts.
  'matching.numTaskqueueReadPartitions': 4,
  'matching.numTaskqueueWritePartitions': 4,
};

/** The file form: each key a list of one unconstrained value. */
export function dynamicConfigFile(): Record<string, { value: number | boolean }[]> {
  return Object.fromEntries(Object.entries(DYNAMIC_CONFIG).map(([key, value]) => [key, [{ value }]]));
}
