export { benchScaleCommand, clusterCommand, clusterStatusIfRunning, clusterTestCommand, stopClusterIfRunning } from './commands';
export { clusterTestPhase, type ClusterTestRun } from './suite/test-phase';
export { clusterTestTools } from './test-tools';
