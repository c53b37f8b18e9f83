// The worker bundles this file: every workflow the project runs is exported from here.
export { servicePathWorkflow } from './service-path.workflow';
export { skeletonPathWorkflow } from './skeleton-path.workflow';
