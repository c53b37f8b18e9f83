import { applyPathCommandUpdate, getPathStateQuery, type ServicePathInput } from '@polku/contracts/workflow';
import { FI_POLICY_VERSIONS, initialPathState, type PathCommand, type PathState, type ScheduledItem } from '@polku/domain';
import { allHandlersFinished, ApplicationFailure, condition, continueAsNew, log, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { NextItemTimer } from './next-item-timer';
import { PathWriter, toFailure } from './path-writer';
import { Serial } from './serial';

/** Continue-as-new well before Temporal's history limits (50 k events). */
const DEFAULT_CONTINUE_AS_NEW_AFTER = 5_000;
const ENGINE_ACTOR = { userId: 'polku-engine', role: 'system' } as const;
/** A workflow whose StartPath never arrives, or was rejected, closes after this long. */
const UNSTARTED_GRACE = '10 minutes';
const CLOSE_UNSTARTED_PATCH = 'close-unstarted-path';
/** A path started with its StartPath (update-with-start) waits for it without a grace timer. */
const NO_START_TIMER_PATCH = 'no-start-timer';
/** One timer for the earliest item, re-armed only when its due instant moves (NextItemTimer). */
const STEADY_TIMER_PATCH = 'steady-timer';
/** A finished path (exited, nothing pending) stays open this long for corrections or a reopening. */
const CLOSE_WHEN_QUIET_FOR = '30 days';
/**
 * A firing the store refused (anything but a conflict, which is recovered) is tried again after
 * this long. It never fails the workflow: a failed workflow would fire none of its deadlines.
 */
const FIRING_RETRY_AFTER = '1 minute';

/**
 * One client's service path. Commands arrive as Updates, timers fire scheduled items; both go
 * decide → append → evolve (PathWriter), one at a time. Ends when the path has exited and
 * nothing is pending.
 */
export async function servicePathWorkflow(input: ServicePathInput): Promise<PathState> {
  const path = new PathWriter(input.pathId, input.catalogue ?? FI_POLICY_VERSIONS, input.state ?? initialPathState, input.commands ?? {});
  let rejectedStart = false;
  // Set by the Update handler itself (never by the validator, which does not run on replay).
  let startRequested = false;
  const serial = new Serial();

  setHandler(getPathStateQuery, () => path.state);
  setHandler(
    applyPathCommandUpdate,
    (command) => {
      if (command.type === 'StartPath') startRequested = true;
      return serial.run(async () => {
        try {
          const outcome = await path.apply(command);
          if (outcome.kind === 'rejected') throw toFailure(outcome.error);
          // A command applied before (another run, a retry after a lost answer): its answer again.
          return outcome.kind === 'repeat' ? await path.stateAt(outcome.version) : path.state;
        } catch (error) {
          if (command.type === 'StartPath' && path.state.status === 'NONE') rejectedStart = true;
          throw error;
        }
      });
    },
    { validator: (command) => path.validate(command) },
  );

  /** True when the item fired, was already fired or cancelled; false when the store refused. */
  const fire = (item: ScheduledItem): Promise<boolean> =>
    serial.run(async () => {
      const command: PathCommand = { type: 'FireScheduledItem', data: { itemId: item.id, rule: item.rule }, metadata: { occurredAt: new Date().toISOString(), actor: ENGINE_ACTOR } };
      try {
        await path.apply(command); // a rejection means already fired or cancelled: nothing to do
        return true;
      } catch (error) {
        log.warn('firing refused by the event store; trying again later', { itemId: item.id, failure: error instanceof ApplicationFailure ? error.type : 'unknown' });
        return false;
      }
    });

  if (!(await startArrived())) return path.state;
  const timer = new NextItemTimer(patched(STEADY_TIMER_PATCH));
  while (!rejectedStart) {
    if (workflowInfo().historyLength >= (input.continueAsNewAfter ?? DEFAULT_CONTINUE_AS_NEW_AFTER) || workflowInfo().continueAsNewSuggested) {
      await condition(() => serial.idle && allHandlersFinished());
      return continueAsNew<typeof servicePathWorkflow>({ ...input, state: path.state, commands: path.commands });
    }
    const seen = path.state.version;
    const changedSince = (): boolean => path.state.version !== seen;
    if (finished(path.state)) {
      timer.cancel();
      if (await condition(changedSince, CLOSE_WHEN_QUIET_FOR)) continue;
      break;
    }
    const next = path.state.status === 'PAUSED' ? undefined : earliest(path.state);
    if (!next) {
      timer.cancel();
      await condition(changedSince);
      continue;
    }
    // A cancelled item's timer is moved on to the next earliest; a due one fires.
    const due = await timer.until(next.dueAt, changedSince);
    if (due && !(await fire(next))) await condition(changedSince, FIRING_RETRY_AFTER);
  }
  await condition(() => serial.idle && allHandlersFinished());
  return path.state;

  /**
   * False when no StartPath arrived within the grace (or none at all, before the grace patch).
   * A path the API starts comes with its StartPath in the first task: once that activation's
   * Updates have reached their handlers, it needs no grace timer.
   */
  async function startArrived(): Promise<boolean> {
    const started = (): boolean => path.state.status !== 'NONE' || rejectedStart;
    if (!patched(CLOSE_UNSTARTED_PATCH)) return condition(started).then(() => true);
    if (patched(NO_START_TIMER_PATCH)) {
      await Promise.resolve();
      if (startRequested) return condition(started).then(() => true);
    }
    return condition(started, UNSTARTED_GRACE);
  }
}

function finished(state: PathState): boolean {
  return state.status === 'EXITED' && Object.keys(state.schedule).length === 0;
}

function earliest(state: PathState): ScheduledItem | undefined {
  if (state.status === 'NONE') return undefined;
  return Object.values(state.schedule).reduce<ScheduledItem | undefined>((first, item) => (!first || item.dueAt < first.dueAt ? item : first), undefined);
}
