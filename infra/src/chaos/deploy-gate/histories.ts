import type { Client } from '@temporalio/client';
import { pathWorkflowId } from '@polku/contracts';
import type { History } from '@temporalio/worker';

export const FEATURES = ['patch marker', 'continue-as-new', 'activity failure', 'worker restart'] as const;
export type Feature = (typeof FEATURES)[number];

export interface RecordedHistory {
  readonly workflowId: string;
  readonly runId: string;
  readonly history: History;
  readonly features: ReadonlySet<Feature>;
}

type HistoryEvent = NonNullable<History['events']>[number];

/** The TypeScript SDK records `patched()` as a marker of this name. */
const PATCH_MARKER = 'core_patch';

/** The TypeScript SDK records each local activity's outcome as a marker of this name. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

const isFailedLocalActivity = (event: HistoryEvent): boolean => event.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER && Boolean(event.markerRecordedEventAttributes.failure);

/** What of the deploy gate's list a history holds. */
export function featuresOf(history: History): Set<Feature> {
  const events: HistoryEvent[] = history.events ?? [];
  const features = new Set<Feature>();
  const workers = new Set(events.flatMap((event) => (event.workflowTaskStartedEventAttributes?.identity ? [event.workflowTaskStartedEventAttributes.identity] : [])));
  if (events.some((event) => event.markerRecordedEventAttributes?.markerName === PATCH_MARKER)) features.add('patch marker');
  if (events.some((event) => event.workflowExecutionContinuedAsNewEventAttributes || event.workflowExecutionStartedEventAttributes?.continuedExecutionRunId)) features.add('continue-as-new');
  // A failed or timed-out activity, or one that succeeded only on a retry (attempt > 1); appends
  // are local activities since the 'local-append' patch, whose failure is in their marker.
  if (events.some((event) => event.activityTaskFailedEventAttributes || event.activityTaskTimedOutEventAttributes || (event.activityTaskStartedEventAttributes?.attempt ?? 1) > 1 || isFailedLocalActivity(event))) features.add('activity failure');
  // A workflow task lost with its worker, or tasks taken by two worker processes (identity = pid@host).
  if (events.some((event) => event.workflowTaskTimedOutEventAttributes || event.workflowTaskFailedEventAttributes) || workers.size > 1) features.add('worker restart');
  return features;
}

/** Every run (continue-as-new generations included) of the paths' workflows, up to `limit` runs. */
export async function fetchHistories(client: Client, pathIds: readonly string[], limit: number): Promise<RecordedHistory[]> {
  const histories: RecordedHistory[] = [];
  for (const pathId of pathIds) {
    const workflowId = pathWorkflowId(pathId);
    for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
      if (histories.length >= limit) return histories;
      const history = await client.workflow.getHandle(workflowId, run.runId).fetchHistory();
      histories.push({ workflowId, runId: run.runId, history, features: featuresOf(history) });
    }
  }
  return histories;
}

/** Up to `count` histories: first one for each feature (several where they exist), then the rest in order. */
export function pickHistories(histories: readonly RecordedHistory[], count: number, perFeature: number): RecordedHistory[] {
  const picked = new Set<RecordedHistory>();
  for (const feature of FEATURES) for (const history of histories.filter((candidate) => candidate.features.has(feature)).slice(0, perFeature)) picked.add(history);
  for (const history of histories) if (picked.size < count) picked.add(history);
  return [...picked];
}
