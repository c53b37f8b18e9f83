import type { SERVICE_PATH_WORKFLOW, ServicePathWorkflow } from '@polku/contracts';
import type * as Workflows from '@polku/workflows';

/**
 * Clients start a path's workflow by the type name SERVICE_PATH_WORKFLOW and type its input with
 * ServicePathWorkflow; this worker registers the exports of workflows/src/index.ts. The compiler
 * checks the two meet: renaming the export or changing its input or result fails here, not in a
 * running system that cannot find the workflow type.
 */
type Registered = (typeof Workflows)[typeof SERVICE_PATH_WORKFLOW];
type Holds<T extends true> = T;
export type ServicePathWorkflowRegistered = Holds<Registered extends ServicePathWorkflow ? (ServicePathWorkflow extends Registered ? true : false) : false>;
