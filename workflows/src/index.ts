// The worker bundles this file: every workflow the project runs is exported from here.
export { servicePathWorkflow } from './service-path.workflow';
