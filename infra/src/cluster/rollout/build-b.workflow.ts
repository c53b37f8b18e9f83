/*
 * Build "b" of the rollout test (infra/src/cluster/rollout): the released servicePathWorkflow
 * plus a query naming the build. A query adds nothing to history, so both builds replay each
 * other's histories: what a replay-safe release looks like. Bundled by the rollout test's
 * workers only, never by apps/worker.
 */
import type { ServicePathInput } from '@polku/contracts/workflow';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the rollout test must run the released workflow itself under two build ids
import { servicePathWorkflow as released } from '@polku/workflows';
import { defineQuery, setHandler } from '@temporalio/workflow';

export const rolloutBuildQuery = defineQuery<string>('rolloutBuild');

export async function servicePathWorkflow(input: ServicePathInput): ReturnType<typeof released> {
  setHandler(rolloutBuildQuery, () => 'b');
  return released(input);
}
