/** Task queue the path worker polls; the API starts path workflows on it. */
export const PATH_TASK_QUEUE = 'polku-service-path';

/** One workflow per path: its id is derived from the path id, never from client data. */
export function pathWorkflowId(pathId: string): string {
  return `path-${pathId}`;
}
