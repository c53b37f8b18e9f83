import { FI_POLICY_VERSIONS, TRAINING_POLICY_VERSIONS, type PolicyLimits } from '@polku/domain';

const SHIPPED = [...FI_POLICY_VERSIONS, ...TRAINING_POLICY_VERSIONS];

/**
 * A policy limit as the v1 events publish it: the widest range any policy version Polku ships
 * allows. The decider checks a path's own policy; a v1 schema may not widen (compatibility.ts),
 * so a new policy allowing more than v1 carries changes the schema here and fails the
 * compatibility test, instead of passing the API and the decider and being dead-lettered by the
 * relay: that event needs a v2 before such a policy ships.
 */
export function publishedRange(pick: (limits: PolicyLimits) => readonly [number, number]): { readonly min: number; readonly max: number } {
  const ranges = SHIPPED.map((version) => pick(version.limits));
  return { min: Math.min(...ranges.map(([min]) => min)), max: Math.max(...ranges.map(([, max]) => max)) };
}
