import type { PathActivities, PathStartedResult, StartPathInput } from '@polku/contracts';
import { proxyActivities, type RetryPolicy } from '@temporalio/workflow';

/** Appending is a short database + broker round trip; retry until the infrastructure is back. */
const RECORD_TIMEOUT = '30 seconds';
const RECORD_RETRY: RetryPolicy = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' };

const { recordPathStarted } = proxyActivities<PathActivities>({
  startToCloseTimeout: RECORD_TIMEOUT,
  retry: RECORD_RETRY,
});

/** Walking skeleton (foundation): records that a path started and publishes it. Replaced by the outbox relay. */
export async function skeletonPathWorkflow(input: StartPathInput): Promise<PathStartedResult> {
  return recordPathStarted(input);
}
