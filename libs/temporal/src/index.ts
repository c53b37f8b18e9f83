export { WORKFLOWS_PATH, workflowBundlerOptions } from './workflow-bundle';
