import {
  appliedCommandsOf,
  applyPathCommandUpdate,
  getPathStateQuery,
  PathFailureTypes,
  type AppendEventsInput,
  type AppendOutcome,
  type LoadedPath,
  type LoadPathInput,
  type ServicePathActivities,
  type ServicePathInput,
  type ServicePathWorkflow,
  SERVICE_PATH_WORKFLOW,
  type StaffNotification,
  type StoredEvent,
} from '@polku/contracts';
import { eventIdFor, evolve, initialPathState, type PathCommand, type PathEvent, type PathState } from '@polku/domain';
import { ApplicationFailure } from '@temporalio/activity';
import { bundleWorkflows, temporalDataConverter } from '@polku/temporal';
import { createTimeSkippingEnv } from '@polku/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Typed fake activities over an in-memory event store with the real one's rules (expected
 * version, a command id applied once), recording every call so tests assert exact calls.
 */
export class RecordingActivities implements ServicePathActivities {
  /** The appends that wrote, in order. */
  readonly appends: AppendEventsInput[] = [];
  readonly loads: LoadPathInput[] = [];
  readonly notifications: StaffNotification[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly refusals: string[] = [];

  // Own properties, not prototype methods: the worker registers an object's own functions.
  readonly appendEvents = async (input: AppendEventsInput): Promise<AppendOutcome> => {
    const refusal = this.refusals.shift();
    if (refusal !== undefined) throw ApplicationFailure.create({ type: refusal, message: `refused: ${refusal}`, nonRetryable: true });
    const stream = this.stream(input.streamId);
    const commandId = input.events[0]?.metadata.commandId;
    const prior = commandId === undefined ? [] : stream.slice(0, input.expectedVersion).flatMap((event, index) => (event.metadata.commandId === commandId ? [index + 1] : []));
    if (prior.length > 0) return { appended: false, duplicateOf: Math.max(...prior) };
    if (stream.length !== input.expectedVersion) {
      throw ApplicationFailure.create({ type: PathFailureTypes.versionConflict, message: `stream is at ${stream.length}`, nonRetryable: true });
    }
    stream.push(...input.events);
    this.appends.push(input);
    // Local appends store their firings' notifications in the same transaction.
    this.notifications.push(...(input.notifications ?? []));
    return { appended: true };
  };

  readonly loadPath = async (input: LoadPathInput): Promise<LoadedPath> => {
    this.loads.push(input);
    const events = this.stream(input.streamId).slice(0, input.toVersion);
    const state = events.reduce<PathState>((folded, event) => evolve(folded, event), initialPathState);
    return { state, commands: appliedCommandsOf(events.map((event, index) => ({ streamVersion: index + 1, metadata: event.metadata })), input.now) };
  };

  readonly notifyStaff = async (notification: StaffNotification): Promise<void> => {
    this.notifications.push(notification);
  };

  /** The events the workflow appended (not those written behind its back). */
  get events(): StoredEvent[] {
    return this.appends.flatMap((append) => append.events);
  }

  /** Everything the fake store holds for the stream, whoever wrote it. */
  stored(streamId: string): readonly StoredEvent[] {
    return this.stream(streamId);
  }

  /** Another writer's events, appended behind the workflow's back: its state is stale after this. */
  appendBehind(streamId: string, events: readonly PathEvent[]): void {
    const stream = this.stream(streamId);
    for (const event of events) stream.push({ ...event, eventId: eventIdFor(streamId, stream.length + 1) });
  }

  /** The next appends fail with these store verdicts, one each, whatever they hold. */
  refuseNextAppends(...types: string[]): void {
    this.refusals.push(...types);
  }

  private stream(streamId: string): StoredEvent[] {
    const stream = this.streams.get(streamId) ?? [];
    this.streams.set(streamId, stream);
    return stream;
  }
}

/** A started path workflow plus helpers to drive it in workflow time. */
export class PathHarness {
  constructor(
    readonly env: TestWorkflowEnvironment,
    public handle: WorkflowHandle,
    readonly activities: RecordingActivities,
    private readonly taskQueue: string,
  ) {}

  /**
   * Ends the path's workflow and starts it again from `input` (as the API restarts a closed
   * path from the state folded from the store), on the same worker and fake store.
   */
  async startAgain(input: ServicePathInput): Promise<void> {
    await this.handle.terminate('restarted by the test');
    this.handle = await this.env.client.workflow.start<ServicePathWorkflow>(SERVICE_PATH_WORKFLOW, { taskQueue: this.taskQueue, workflowId: this.handle.workflowId, args: [input] });
  }

  now(): Promise<number> {
    return this.env.currentTimeMs();
  }

  /** Sends the command as its Update; `updateId` as the API derives it from an Idempotency-Key. */
  send(command: PathCommand, updateId?: string): Promise<PathState> {
    return this.handle.executeUpdate(applyPathCommandUpdate, { args: [command], ...(updateId === undefined ? {} : { updateId }) });
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
  /** Start the workflow and this first command in one call (update-with-start), as the API does. */
  startWith?: PathCommand,
): Promise<T> {
  const activities = new RecordingActivities();
  const taskQueue = `service-path-test-${input.pathId}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities, dataConverter: temporalDataConverter() });
  return worker.runUntil(async () => {
    const options = { taskQueue, workflowId: `path-${input.pathId}`, args: [input] as [ServicePathInput] };
    const handle = startWith === undefined ? await env.client.workflow.start<ServicePathWorkflow>(SERVICE_PATH_WORKFLOW, options) : await startedWith(env, options, startWith);
    const harness = new PathHarness(env, handle, activities, taskQueue);
    const result = await body(harness);
    recordedHistories.set(input.pathId, historyToJSON(await harness.handle.fetchHistory()));
    return result;
  });
}

async function startedWith(env: TestWorkflowEnvironment, options: { taskQueue: string; workflowId: string; args: [ServicePathInput] }, command: PathCommand): Promise<WorkflowHandle> {
  const startWorkflowOperation = new WithStartWorkflowOperation<ServicePathWorkflow>(SERVICE_PATH_WORKFLOW, { ...options, workflowIdConflictPolicy: 'FAIL' });
  await env.client.workflow.executeUpdateWithStart(applyPathCommandUpdate, { args: [command], startWorkflowOperation });
  return startWorkflowOperation.workflowHandle();
}

/** Where committed histories live; `RECORD_HISTORIES=1` refreshes them from a test run. */
export const HISTORIES_DIR = join(__dirname, '..', '__histories__');

export function saveRecordedHistories(): void {
  if (process.env['RECORD_HISTORIES'] !== '1') return;
  mkdirSync(HISTORIES_DIR, { recursive: true });
  for (const [pathId, json] of recordedHistories) writeFileSync(join(HISTORIES_DIR, `${pathId}.json`), `${json}\n`);
}

/** A spec's time-skipping server and workflow bundle, ready from its first test on. */
export interface TimeSkippingSuite {
  readonly env: TestWorkflowEnvironment;
  readonly bundle: WorkflowBundleWithSourceMap;
}

/**
 * Registers the hooks every workflow spec needs: the time-skipping server and the bundle before
 * the first test, and after the last the recorded histories saved (RECORD_HISTORIES=1) and the
 * server torn down. Call it inside the spec's `describe`.
 */
export function timeSkippingSuite(): TimeSkippingSuite {
  let env: TestWorkflowEnvironment | undefined;
  let bundle: WorkflowBundleWithSourceMap | undefined;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    bundle = await bundleWorkflows();
  }, 120_000);
  afterAll(async () => {
    saveRecordedHistories();
    await env?.teardown();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the suite's ${what} is not set up (did beforeAll fail?)`);
    return value;
  };
  return {
    get env() {
      return ready(env, 'time-skipping server');
    },
    get bundle() {
      return ready(bundle, 'workflow bundle');
    },
  };
}
