import { helsinkiDateOf, policyInForce } from '@polku/domain';

/**
 * The limits of the policy in force today: the forms' bounds and choices. A path may have pinned
 * an older policy; the decider checks the path's own, and its answer appears next to the field.
 */
export const POLICY_LIMITS = policyInForce(helsinkiDateOf(new Date().toISOString())).limits;
