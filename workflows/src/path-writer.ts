import {
  PathFailureTypes,
  rememberCommand,
  type AppendOutcome,
  type AppliedCommand,
  type AppliedCommands,
  type StaffNotification,
  type StoredEvent,
} from '@polku/contracts/workflow';
import {
  decide,
  eventIdFor,
  evolve,
  FIRING_EVENTS,
  isDomainError,
  type DomainError,
  type PathCommand,
  type PathEvent,
  type PathState,
  type PolicyVersion,
  type ScheduledItem,
} from '@polku/domain';
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { notifyStaffSeparately, STORE_VERDICTS, storeCalls } from './store-calls';

/** A stale decision is taken again on the reloaded state at most this often before the caller hears of it. */
const MAX_DECISIONS = 3;

/** How a command ended: applied now, applied before (its last event's version), or refused by the domain. */
export type Outcome = { readonly kind: 'applied' } | { readonly kind: 'repeat'; readonly version: number } | { readonly kind: 'rejected'; readonly error: DomainError };

/**
 * The path's state and the one way it changes: decide → append → evolve. The event store is the
 * truth; this is the workflow's copy of it. When an append finds the stream moved on (a version
 * or event-id conflict), the copy is stale: it is reloaded from the store and the command decided
 * again, so a conflict never wedges the path.
 */
export class PathWriter {
  constructor(
    private readonly pathId: string,
    private readonly catalogue: readonly PolicyVersion[],
    public state: PathState,
    public commands: AppliedCommands,
  ) {}

  /** The earlier application of this command, when the path remembers its id. */
  repeatOf(command: PathCommand): AppliedCommand | undefined {
    const id = command.metadata.commandId;
    return id === undefined ? undefined : this.commands[id];
  }

  /** Synchronous and read-only: the decider itself decides, so no rule is written twice. */
  validate(command: PathCommand): void {
    if (this.repeatOf(command)) return;
    const decision = decide(command, this.state, this.catalogue);
    if (isDomainError(decision)) throw toFailure(decision);
  }

  /** Decides and appends; a stale state is reloaded and the command decided again. */
  async apply(command: PathCommand): Promise<Outcome> {
    for (let decisions = 1; ; decisions += 1) {
      const repeat = this.repeatOf(command);
      if (repeat) return { kind: 'repeat', version: repeat.version };
      const decision = decide(command, this.state, this.catalogue);
      if (isDomainError(decision)) return { kind: 'rejected', error: decision };
      const verdict = await this.append(decision).catch((error: unknown) => storeVerdictOf(error));
      if (verdict instanceof ApplicationFailure) await this.recoverFrom(verdict, decisions);
      else if (verdict.appended) return { kind: 'applied' };
      else return { kind: 'repeat', version: verdict.duplicateOf };
    }
  }

  /** The state a repeated command was answered with: the stream folded up to its last event. */
  async stateAt(version: number): Promise<PathState> {
    if (version === this.state.version) return this.state;
    return (await storeCalls().calls.loadPath({ streamId: this.pathId, toVersion: version, now: now() })).state;
  }

  private async append(events: readonly PathEvent[]): Promise<AppendOutcome> {
    const stored: StoredEvent[] = events.map((event, index) => ({ ...event, eventId: eventIdFor(this.pathId, this.state.version + index + 1) }));
    const after = events.reduce(evolve, this.state);
    const notifications = stored.flatMap((event) => notificationOf(event, after));
    const { local, calls } = storeCalls();
    const input = { streamId: this.pathId, expectedVersion: this.state.version, events: stored, ...(after.status === 'NONE' ? {} : { clientReference: after.clientReference }) };
    // Histories recorded before appends answered hold no result: that was an append.
    const outcome: AppendOutcome = (await calls.appendEvents(local ? { ...input, notifications } : input)) ?? { appended: true };
    if (!outcome.appended) return outcome;
    this.state = after;
    const commandId = events[0]?.metadata.commandId;
    if (commandId !== undefined) this.commands = rememberCommand(this.commands, commandId, { version: this.state.version, at: now() }, now());
    if (!local) for (const notification of notifications) await notifyStaffSeparately(notification);
    return outcome;
  }

  /**
   * A stale state is reloaded, and the caller decides again. A conflict that survives a reload
   * which changed nothing (ids colliding with another stream's), or too many in a row, is the
   * caller's to hear: the command fails with the store's code and the path stays usable.
   */
  private async recoverFrom(failure: ApplicationFailure, decisions: number): Promise<void> {
    if (failure.type !== PathFailureTypes.versionConflict && failure.type !== PathFailureTypes.eventIdConflict) throw failure;
    const before = this.state.version;
    const loaded = await storeCalls().calls.loadPath({ streamId: this.pathId, now: now() });
    this.state = loaded.state;
    this.commands = { ...this.commands, ...loaded.commands };
    if (loaded.state.version === before || decisions >= MAX_DECISIONS) throw failure;
  }
}

export function toFailure(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({ type: error.code, message: error.message, details: [error.facts], nonRetryable: true });
}

/**
 * The store's verdict (conflict, active path, unstorable) rather than the activity wrapper; a
 * local activity's failure can arrive unwrapped. Anything else is rethrown.
 */
function storeVerdictOf(error: unknown): ApplicationFailure {
  const failure = error instanceof ActivityFailure ? error.cause : error;
  if (failure instanceof ApplicationFailure && STORE_VERDICTS.includes(failure.type ?? '')) return failure;
  throw error;
}

/** The staff notification a firing event asks for, to whom the path's state after it names. */
function notificationOf(event: StoredEvent, after: PathState): StaffNotification[] {
  if (!FIRING_EVENTS.includes(event.type) || after.status === 'NONE') return [];
  const { item } = event.data as { item: ScheduledItem };
  return [{
    notificationId: event.eventId,
    pathId: after.pathId,
    employmentArea: after.employmentArea,
    recipient: item.notify,
    ...(item.notify === 'COACH' ? { recipientUserId: after.coachId } : {}),
    rule: item.rule,
    kind: item.kind,
    dueAt: item.dueAt,
  }];
}

/** Workflow time (deterministic in the sandbox). */
function now(): string {
  return new Date().toISOString();
}
