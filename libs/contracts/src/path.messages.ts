import type { ReferralSource } from '@polku/domain';
import { z } from 'zod';

/** Task queue the path worker polls; the API starts path workflows on it. */
export const PATH_TASK_QUEUE = 'polku-service-path';

/** One workflow per path: its id is derived from the path id, never from client data. */
export function pathWorkflowId(pathId: string): string {
  return `path-${pathId}`;
}

const REFERRAL_SOURCES = ['SELF_REGISTRATION', 'KELA', 'WELLBEING_COUNTY', 'EDUCATION_PROVIDER', 'OTHER'] as const satisfies readonly ReferralSource[];

/** `POST /paths`: what intake staff send to start a client's service path. */
export const StartPathRequestSchema = z
  .object({
    // The pseudonymous reference intake issues; its shape can never match an identity code.
    clientReference: z.string().regex(/^cref_[a-z0-9]{16,40}$/, 'a client reference: cref_ and 16–40 lower-case letters or digits'),
    employmentArea: z.string().min(2).max(80),
    municipality: z.string().min(2).max(80),
    coachId: z.string().regex(/^[A-Za-z0-9._-]{2,64}$/, 'a staff user id'),
    referralSource: z.enum(REFERRAL_SOURCES).default('SELF_REGISTRATION'),
  })
  .strict();

export type StartPathRequest = z.infer<typeof StartPathRequestSchema>;
