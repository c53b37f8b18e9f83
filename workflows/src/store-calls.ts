import { PathFailureTypes, type ServicePathActivities } from '@polku/contracts/workflow';
import { patched, proxyActivities, proxyLocalActivities, type RetryPolicy } from '@temporalio/workflow';

/** Every verdict of the store is final for the events it judged: retrying them cannot help. */
export const STORE_VERDICTS: readonly string[] = Object.values(PathFailureTypes);
/** Store calls are short transactions; retry transient failures until the store is back. */
const STORE_TIMEOUT = '30 seconds';
const STORE_RETRY: RetryPolicy = { initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: [...STORE_VERDICTS] };
/**
 * Appends (with their staff notifications) and reloads as local activities: run by the worker
 * inside the workflow task, no schedule/start/complete round trips through the server and no
 * extra workflow task. Re-execution after a lost task is safe: event ids are deterministic and
 * an append of stored events is a no-op.
 */
export const LOCAL_APPEND_PATCH = 'local-append';

const remote = proxyActivities<ServicePathActivities>({ startToCloseTimeout: STORE_TIMEOUT, retry: STORE_RETRY });
const local = proxyLocalActivities<ServicePathActivities>({ startToCloseTimeout: STORE_TIMEOUT, retry: STORE_RETRY });

/** The store's calls as this execution makes them: local since LOCAL_APPEND_PATCH, regular in older histories. */
export function storeCalls(): { readonly local: boolean; readonly calls: Pick<ServicePathActivities, 'appendEvents' | 'loadPath'> } {
  return patched(LOCAL_APPEND_PATCH) ? { local: true, calls: local } : { local: false, calls: remote };
}

/** Older histories stored each firing's notification in an activity of its own after the append. */
export const notifyStaffSeparately = remote.notifyStaff;
