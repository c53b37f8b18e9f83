import { applyPathCommandUpdate, PATH_TASK_QUEUE, pathWorkflowId, SERVICE_PATH_WORKFLOW, type ServicePathInput, type ServicePathWorkflow } from '@polku/contracts';
import { FI_POLICY_VERSIONS, helsinkiDateOf, type PathCommand, type PathState, type PolicyVersion } from '@polku/domain';
import { type Client, WithStartWorkflowOperation } from '@temporalio/client';

/** The benchmark's coach and employment area (the run's database holds nothing else). */
export const BENCH_COACH = { userId: 'bench.coach', role: 'coach' } as const;
export const BENCH_AREA = 'Polku bench';
/** B7's paths run on a queue (and a worker) of their own; the API's are on PATH_TASK_QUEUE. */
export const OPEN_PATHS_TASK_QUEUE = 'polku-bench-open-paths';
const MUNICIPALITY = 'Hattula';

/**
 * A path id that is a UUID (as the API requires) and says which benchmark made it: `tag` is 8 hex
 * digits (e.g. `b3000000`), so `stream_id LIKE 'b3000000%'` finds that benchmark's paths.
 */
export function pathIdOf(tag: string, index: number): string {
  if (!/^[0-9a-f]{8}$/.test(tag)) throw new Error(`path tag must be 8 hex digits, got ${tag}`);
  return `${tag}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

export const pathsLike = (tag: string): string => `${tag}-%`;

/** One client reference per path: the store allows a client one active path. */
export function startPathCommand(pathId: string, tag: string, index: number, occurredAt: string): PathCommand & { type: 'StartPath' } {
  return {
    type: 'StartPath',
    data: {
      pathId,
      clientReference: `cref_${tag}${index.toString(36).padStart(8, '0')}`,
      employmentArea: BENCH_AREA,
      municipality: MUNICIPALITY,
      referralSource: 'SELF_REGISTRATION',
      registeredOn: helsinkiDateOf(occurredAt),
      coachId: BENCH_COACH.userId,
      consents: [],
    },
    metadata: { occurredAt, actor: BENCH_COACH, correlationId: `bench-${tag}-${index}` },
  };
}

/**
 * The current Finnish policy with the initial interview due `seconds` after the path's start and
 * nothing else on the way: one item per path, which goes missed (DeadlineMissed) and notifies
 * the coach. Paths get it as their catalogue in the workflow input.
 */
export function drillPolicy(seconds: number): PolicyVersion {
  const current = FI_POLICY_VERSIONS[FI_POLICY_VERSIONS.length - 1];
  if (!current) throw new Error('FI_POLICY_VERSIONS is empty');
  return {
    ...current,
    id: `BENCH-DRILL-${seconds}S`,
    validFrom: '2000-01-01',
    rules: { ...current.rules, 'INIT-INTERVIEW': { deadline: { after: { seconds } }, onDeadline: 'MISSED', reminders: [] } },
  };
}

/** As the API starts a path: update-with-start of the workflow with its StartPath. */
export function startPath(client: Client, command: PathCommand & { type: 'StartPath' }, catalogue?: readonly PolicyVersion[], taskQueue = PATH_TASK_QUEUE): Promise<PathState> {
  const { pathId } = command.data;
  const input: ServicePathInput = { pathId, ...(catalogue ? { catalogue } : {}) };
  const startWorkflowOperation = new WithStartWorkflowOperation<ServicePathWorkflow>(SERVICE_PATH_WORKFLOW, {
    workflowId: pathWorkflowId(pathId),
    taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return client.workflow.executeUpdateWithStart(applyPathCommandUpdate, { args: [command], startWorkflowOperation });
}
