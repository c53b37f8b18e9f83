import {
  applyPathCommandUpdate,
  getPathStateQuery,
  type ServicePathActivities,
  type ServicePathInput,
  type StoredEvent,
} from '@polku/contracts/workflow';
import {
  decide,
  eventIdFor,
  evolve,
  FI_POLICY_VERSIONS,
  FIRING_EVENTS,
  initialPathState,
  isDomainError,
  type DomainError,
  type PathCommand,
  type PathEvent,
  type PathState,
  type PolicyVersion,
  type ScheduledItem,
} from '@polku/domain';
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
  type RetryPolicy,
} from '@temporalio/workflow';
import { Serial } from './serial';

/** Appends are short database transactions; retry transient failures until the store is back. */
const APPEND_TIMEOUT = '30 seconds';
const APPEND_RETRY: RetryPolicy = { initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: ['EVENT_STORE.VERSION_CONFLICT', 'PATH.CLIENT_HAS_ACTIVE_PATH', 'EVENT_STORE.UNSTORABLE_DATA'] };
/** Continue-as-new well before Temporal's history limits (50 k events). */
const DEFAULT_CONTINUE_AS_NEW_AFTER = 5_000;
const ENGINE_ACTOR = { userId: 'polku-engine', role: 'system' } as const;
/** A workflow whose StartPath never arrives, or was rejected, closes after this long. */
const UNSTARTED_GRACE = '10 minutes';
const CLOSE_UNSTARTED_PATCH = 'close-unstarted-path';
/** A finished path (exited, nothing pending) stays open this long for corrections or a reopening. */
const CLOSE_WHEN_QUIET_FOR = '30 days';

const { appendEvents, notifyStaff } = proxyActivities<ServicePathActivities>({ startToCloseTimeout: APPEND_TIMEOUT, retry: APPEND_RETRY });

/**
 * One client's service path. Commands arrive as Updates, timers fire scheduled items; both go
 * decide → append → evolve, one at a time. Ends when the path has exited and nothing is pending.
 */
export async function servicePathWorkflow(input: ServicePathInput): Promise<PathState> {
  const catalogue = input.catalogue ?? FI_POLICY_VERSIONS;
  let state: PathState = input.state ?? initialPathState;
  let rejectedStart = false;
  const serial = new Serial();

  const apply = async (events: readonly PathEvent[]): Promise<void> => {
    const stored: StoredEvent[] = events.map((event, index) => ({ ...event, eventId: eventIdFor(input.pathId, state.version + index + 1) }));
    await appendEvents({ streamId: input.pathId, expectedVersion: state.version, events: stored });
    for (const event of events) state = evolve(state, event);
    for (const event of stored) await notifyIfFiring(event, state);
  };

  setHandler(getPathStateQuery, () => state);
  setHandler(
    applyPathCommandUpdate,
    (command) =>
      serial.run(async () => {
        const decision = decide(command, state, catalogue);
        if (isDomainError(decision)) throw toFailure(decision);
        try {
          await apply(decision);
        } catch (error) {
          if (command.type === 'StartPath') rejectedStart = true;
          // Surface the store's verdict (conflict, active path) rather than the activity wrapper.
          throw error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? error.cause : error;
        }
        return state;
      }),
    { validator: (command) => validate(command, state, catalogue) },
  );

  const fire = (item: ScheduledItem): Promise<void> =>
    serial.run(async () => {
      const command: PathCommand = { type: 'FireScheduledItem', data: { itemId: item.id, rule: item.rule }, metadata: { occurredAt: new Date().toISOString(), actor: ENGINE_ACTOR } };
      const decision = decide(command, state, catalogue);
      // Already fired or cancelled while this timer was due: nothing to do.
      if (!isDomainError(decision)) await apply(decision);
    });

  if (patched(CLOSE_UNSTARTED_PATCH)) {
    // A StartPath rejected by the validator leaves nothing to wait for: close, do not linger.
    const started = await condition(() => state.status !== 'NONE' || rejectedStart, UNSTARTED_GRACE);
    if (!started) return state;
  } else {
    await condition(() => state.status !== 'NONE' || rejectedStart);
  }
  while (!rejectedStart) {
    if (workflowInfo().historyLength >= (input.continueAsNewAfter ?? DEFAULT_CONTINUE_AS_NEW_AFTER) || workflowInfo().continueAsNewSuggested) {
      await condition(() => serial.idle && allHandlersFinished());
      return continueAsNew<typeof servicePathWorkflow>({ ...input, state });
    }
    const seen = state.version;
    if (finished(state)) {
      if (await condition(() => state.version !== seen, CLOSE_WHEN_QUIET_FOR)) continue;
      break;
    }
    const next = state.status === 'PAUSED' ? undefined : earliest(state);
    if (!next) {
      await condition(() => state.version !== seen);
      continue;
    }
    // Re-armed on every state change: a cancelled item's timer simply never completes.
    const wait = Date.parse(next.dueAt) - Date.now();
    const changed = wait > 0 && (await condition(() => state.version !== seen, wait));
    if (!changed) await fire(next);
  }
  await condition(() => serial.idle && allHandlersFinished());
  return state;

  async function notifyIfFiring(event: StoredEvent, after: PathState): Promise<void> {
    if (!FIRING_EVENTS.includes(event.type) || after.status === 'NONE') return;
    const { item } = event.data as { item: ScheduledItem };
    await notifyStaff({
      notificationId: event.eventId,
      pathId: after.pathId,
      employmentArea: after.employmentArea,
      recipient: item.notify,
      ...(item.notify === 'COACH' ? { recipientUserId: after.coachId } : {}),
      rule: item.rule,
      kind: item.kind,
      dueAt: item.dueAt,
    });
  }
}

/** Synchronous and read-only: the decider itself decides, so no rule is written twice. */
function validate(command: PathCommand, state: PathState, catalogue: readonly PolicyVersion[]): void {
  const decision = decide(command, state, catalogue);
  if (isDomainError(decision)) throw toFailure(decision);
}

function toFailure(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({ type: error.code, message: error.message, details: [error.facts], nonRetryable: true });
}

function finished(state: PathState): boolean {
  return state.status === 'EXITED' && Object.keys(state.schedule).length === 0;
}

function earliest(state: PathState): ScheduledItem | undefined {
  if (state.status === 'NONE') return undefined;
  return Object.values(state.schedule).reduce<ScheduledItem | undefined>((first, item) => (!first || item.dueAt < first.dueAt ? item : first), undefined);
}
