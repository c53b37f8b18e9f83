import { applyPathCommandUpdate, PATH_TASK_QUEUE, pathWorkflowId, SERVICE_PATH_WORKFLOW, type ServicePathInput, type ServicePathWorkflow } from '@polku/contracts';
import { FI_POLICY_VERSIONS, helsinkiDateOf, nameBasedUuid, type PathCommand, type PolicyVersion } from '@polku/domain';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { errorText, hold, mapLimit, withTimeout } from './bounded';
import { range } from './load';
import type { SentCommand } from './sent-command';

/** The storm's initial interview: two reminders, the deadline and an escalation, seconds apart. */
const DEADLINE_S = 8;
const REMINDER_LEADS_S = [-6, -3] as const;
const ESCALATION_AFTER_S = 2;
export const STORM_ITEMS_PER_PATH = REMINDER_LEADS_S.length + 2;
/** The last item falls due this long after a path starts. */
export const STORM_LAST_DUE_MS = (DEADLINE_S + ESCALATION_AFTER_S) * 1_000;
/** One path start (workflow + StartPath Update) may take this long before it is retried with the same ids. */
const START_TIMEOUT_MS = 30_000;
const START_ATTEMPTS = 5;
const START_BACKOFF_MS = 1_000;
const STORM_COACH = { userId: 'chaos.coach', role: 'coach' } as const;

/**
 * The current Finnish policy with INIT-INTERVIEW shortened to seconds (like bench's drill
 * policy), so each path has STORM_ITEMS_PER_PATH items coming due within seconds of its start.
 */
export function stormPolicy(): PolicyVersion {
  const current = FI_POLICY_VERSIONS[FI_POLICY_VERSIONS.length - 1];
  if (!current) throw new Error('FI_POLICY_VERSIONS is empty');
  return {
    ...current,
    id: 'CHAOS-STORM',
    validFrom: '2000-01-01',
    rules: {
      ...current.rules,
      'INIT-INTERVIEW': {
        deadline: { after: { seconds: DEADLINE_S } },
        onDeadline: 'MISSED',
        reminders: REMINDER_LEADS_S.map((seconds) => ({ seconds })),
        escalation: { from: 'DEADLINE', offset: { seconds: ESCALATION_AFTER_S }, to: 'TEAM_LEAD' },
      },
    },
  };
}

export interface StormPlan {
  readonly paths: number;
  readonly concurrency: number;
  readonly employmentArea: string;
  /** Names the run and fault: path ids and client references derive from it. */
  readonly tag: string;
  /** Extra workflow input (F9 lowers continueAsNewAfter). */
  readonly input?: Partial<ServicePathInput>;
}

export interface Storm {
  readonly commands: readonly SentCommand[];
  readonly pathIds: readonly string[];
}

export function stormPathId(tag: string, i: number): string {
  return nameBasedUuid(`chaos/${tag}/${i}`);
}

/** A client reference of the domain's shape (cref_ + 16–40 lower-case alphanumerics), one per name. */
export function clientReferenceFor(name: string): string {
  return `cref_${nameBasedUuid(`chaos-client/${name}`).replace(/-/g, '')}`;
}

/** Starts the storm's paths directly on Temporal, as bench/phases.ts does, with the storm policy. */
export async function startStorm(client: Client, plan: StormPlan, signal: AbortSignal): Promise<Storm> {
  const commands = await mapLimit(range(plan.paths), plan.concurrency, (i) => startStormPath(client, plan, i, signal));
  return { commands, pathIds: commands.flatMap((command) => (command.effect ? [command.effect.streamId] : [])) };
}

/** Update-with-start under fixed ids, so a retry after a fault finds the first attempt's outcome. */
export async function startStormPath(client: Client, plan: StormPlan, i: number, signal: AbortSignal, clientReference = clientReferenceFor(`${plan.tag}/${i}`)): Promise<SentCommand> {
  const pathId = stormPathId(plan.tag, i);
  const key = `chaos-start-${pathId}`;
  const input: ServicePathInput = { pathId, catalogue: [stormPolicy()], ...plan.input };
  let failure = 'not sent';
  for (let attempt = 1; attempt <= START_ATTEMPTS && !signal.aborted; attempt++) {
    try {
      const startWorkflowOperation = new WithStartWorkflowOperation<ServicePathWorkflow>(SERVICE_PATH_WORKFLOW, { workflowId: pathWorkflowId(pathId), taskQueue: PATH_TASK_QUEUE, args: [input], workflowIdConflictPolicy: 'USE_EXISTING' });
      const update = client.workflow.executeUpdateWithStart(applyPathCommandUpdate, { args: [startCommand(pathId, clientReference, plan.employmentArea)], startWorkflowOperation, updateId: key });
      await withTimeout(update, START_TIMEOUT_MS, 'StartPath update');
      return { label: 'StartPath update (Temporal)', key, acked: true, attempts: attempt, effect: { type: 'PathStarted', streamId: pathId } };
    } catch (error) {
      failure = errorText(error);
      if (/PATH\.|VALIDATION\.|EVENT_STORE\.UNSTORABLE/.test(failure)) break; // the path refused it: final
      await hold(START_BACKOFF_MS * attempt, signal);
    }
  }
  return { label: 'StartPath update (Temporal)', key, acked: false, attempts: START_ATTEMPTS, effect: { type: 'PathStarted', streamId: pathId }, failure };
}

function startCommand(pathId: string, clientReference: string, employmentArea: string): PathCommand {
  const occurredAt = new Date().toISOString();
  return {
    type: 'StartPath',
    data: { pathId, clientReference, employmentArea, municipality: 'Hattula', referralSource: 'SELF_REGISTRATION', registeredOn: helsinkiDateOf(occurredAt), coachId: STORM_COACH.userId, consents: [] },
    metadata: { occurredAt, actor: STORM_COACH, correlationId: `chaos-${pathId}` },
  };
}
