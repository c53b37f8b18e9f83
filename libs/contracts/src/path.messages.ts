import { z } from 'zod';

/** Task queue the path worker polls; the API starts path workflows on it. */
export const PATH_TASK_QUEUE = 'polku-service-path';

/** One workflow per path: its id is derived from the path id, never from client data. */
export function pathWorkflowId(pathId: string): string {
  return `path-${pathId}`;
}

export const StartPathRequestSchema = z
  .object({
    // The pseudonymous reference intake issues; its shape can never match an identity code.
    clientReference: z.string().regex(/^cref_[a-z0-9]{16,40}$/, 'a client reference: cref_ and 16–40 lower-case letters or digits'),
    employmentArea: z.string().min(2).max(80),
  })
  .strict();

export type StartPathRequest = z.infer<typeof StartPathRequestSchema>;

/** What the workflow is started with: the request plus ids and time fixed at the edge. */
export interface StartPathInput extends StartPathRequest {
  readonly pathId: string;
  readonly startedAt: string;
}

export interface PathStartedResult {
  readonly pathId: string;
  readonly eventId: string;
}

/** The activities the path workflow calls; implemented in @polku/activities. */
export interface PathActivities {
  recordPathStarted(input: StartPathInput): Promise<PathStartedResult>;
}
