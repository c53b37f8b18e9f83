import type { PathActivities, PathStartedResult, StartPathInput } from '@polku/contracts';
import { proxyActivities, type RetryPolicy } from '@temporalio/workflow';

/** Appending is a short database + broker round trip; retry until the infrastructure is back. */
const RECORD_TIMEOUT = '30 seconds';
const RECORD_RETRY: RetryPolicy = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' };

const { recordPathStarted } = proxyActivities<PathActivities>({
  startToCloseTimeout: RECORD_TIMEOUT,
  retry: RECORD_RETRY,
});

/** Walking skeleton of the service path: records that the path started. */
export async function servicePathWorkflow(input: StartPathInput): Promise<PathStartedResult> {
  return recordPathStarted(input);
}
