import { applyPathCommandUpdate, getPathStateQuery, type AppendEventsInput, type ServicePathActivities, type ServicePathInput, type StaffNotification, type StoredEvent } from '@polku/contracts';
import type { PathCommand, PathState } from '@polku/domain';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';



/** Typed fake activities that record every call, so tests assert exact calls and counts. */
export class RecordingActivities implements ServicePathActivities {
  readonly appends: AppendEventsInput[] = [];
  readonly notifications: StaffNotification[] = [];

  // Own properties, not prototype methods: the worker registers an object's own functions.
  readonly appendEvents = async (input: AppendEventsInput): Promise<void> => {
    this.appends.push(input);
  };

  readonly notifyStaff = async (notification: StaffNotification): Promise<void> => {
    this.notifications.push(notification);
  };

  get events(): StoredEvent[] {
    return this.appends.flatMap((append) => append.events);
  }
}

/** A started path workflow plus helpers to drive it in workflow time. */
export class PathHarness {
  constructor(
    readonly env: TestWorkflowEnvironment,
    readonly handle: WorkflowHandle,
    readonly activities: RecordingActivities,
  ) {}

  now(): Promise<number> {
    return this.env.currentTimeMs();
  }

  send(command: PathCommand): Promise<PathState> {
    return this.handle.executeUpdate(applyPathCommandUpdate, { args: [command] });
  }

  state(): Promise<PathState> {
    return this.handle.query(getPathStateQuery);
  }
}

/** Histories of the paths these tests ran, by path id: replayed, and recorded on request. */
export const recordedHistories = new Map<string, string>();

/**
 * Runs `body` with a worker for the bundled workflows and a fresh path workflow, then keeps the
 * workflow's history for the replay check.
 */
export async function withPath<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  input: ServicePathInput,
  body: (harness: PathHarness) => Promise<T>,
): Promise<T> {
  const activities = new RecordingActivities();
  const taskQueue = `service-path-test-${input.pathId}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start('servicePathWorkflow', { taskQueue, workflowId: `path-${input.pathId}`, args: [input] });
    const result = await body(new PathHarness(env, handle, activities));
    recordedHistories.set(input.pathId, historyToJSON(await handle.fetchHistory()));
    return result;
  });
}

/** Where committed histories live; `RECORD_HISTORIES=1` refreshes them from a test run. */
export const HISTORIES_DIR = join(__dirname, '..', '__histories__');

export function saveRecordedHistories(): void {
  if (process.env['RECORD_HISTORIES'] !== '1') return;
  mkdirSync(HISTORIES_DIR, { recursive: true });
  for (const [pathId, json] of recordedHistories) writeFileSync(join(HISTORIES_DIR, `${pathId}.json`), `${json}\n`);
}
