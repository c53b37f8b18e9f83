import { join } from 'node:path';
import { FAILURE_CONVERTER_PATH, temporalDataConverter, WORKFLOWS_PATH, workflowBundlerOptions } from '@polku/temporal';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { RecordedHistory } from './histories';

/** The released workflows, and the deliberately non-deterministic build the gate must reject. */
export const BUILDS = {
  released: WORKFLOWS_PATH,
  nondeterministic: join(__dirname, 'nondeterministic.workflow.ts'),
} as const;

export interface ReplayOutcome {
  readonly workflowId: string;
  readonly runId: string;
  /** Undefined: it replayed. */
  readonly error?: string;
  readonly nondeterministic: boolean;
}

const silent = (): void => undefined;
const QUIET = { trace: silent, debug: silent, info: silent, warn: silent, log: silent, error: silent };

/**
 * Replay workers need the SDK's core runtime. Its native side logs each nondeterministic task
 * at WARN straight to the console; the broken build makes one per history, which the gate
 * reports itself: core logs are forwarded, errors only, so the chaos output stays one table.
 */
function ensureRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } } });
  } catch {
    // installed already (a second gate in one process)
  }
}

/**
 * Replays every history against the build at `workflowsPath`, bundled once as apps/worker
 * bundles (aliases, the failure converter) and replayed through the worker's data converter
 * (the histories' payloads are encrypted).
 */
export async function replayAll(workflowsPath: string, histories: readonly RecordedHistory[]): Promise<ReplayOutcome[]> {
  ensureRuntime();
  const { code } = await bundleWorkflowCode({ workflowsPath, ...workflowBundlerOptions(), failureConverterPath: FAILURE_CONVERTER_PATH, logger: QUIET });
  const outcomes: ReplayOutcome[] = [];
  const input = histories.map(({ workflowId, history }) => ({ workflowId, history }));
  for await (const result of Worker.runReplayHistories({ workflowBundle: { code }, dataConverter: temporalDataConverter(), replayName: 'chaos-deploy-gate' }, input)) {
    outcomes.push({
      workflowId: result.workflowId,
      runId: result.runId,
      ...(result.error ? { error: `${result.error.name}: ${result.error.message}`.slice(0, 300) } : {}),
      nondeterministic: result.error?.name === 'DeterminismViolationError',
    });
  }
  return outcomes;
}
