import type { PathState } from '@polku/domain';
import type { ServicePathInput } from './service-path.messages';

/**
 * How clients (the API, tools, tests) reach a path's workflow: its type, the task queue the
 * worker polls, and the workflow id derived from the path id.
 */

/** The service-path workflow as clients start it: by this type name, with this input. */
export type ServicePathWorkflow = (input: ServicePathInput) => Promise<PathState>;

/**
 * The type name the worker registers `servicePathWorkflow` under (its export name in
 * workflows/src/index.ts; apps/worker checks the two agree at compile time).
 */
export const SERVICE_PATH_WORKFLOW = 'servicePathWorkflow';

/** Task queue the path worker polls; the API starts path workflows on it. */
export const PATH_TASK_QUEUE = 'polku-service-path';

/** One workflow per path: its id is derived from the path id, never from client data. */
export function pathWorkflowId(pathId: string): string {
  return `path-${pathId}`;
}
