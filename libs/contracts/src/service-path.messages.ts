import type { PathCommand, PathEvent, PathState, PolicyVersion, Recipient, RuleId, ScheduledItemKind } from '@polku/domain';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AppliedCommands } from './applied-commands';

/**
 * The service-path workflow's messages. Staff commands arrive as one Update whose validator
 * runs the decider; the Query returns the state. (`@temporalio/workflow`'s define* functions
 * are plain data constructors, safe to import outside workflows.)
 */
export const applyPathCommandUpdate = defineUpdate<PathState, [PathCommand]>('applyPathCommand');
export const getPathStateQuery = defineQuery<PathState>('getPathState');

export interface ServicePathInput {
  readonly pathId: string;
  /** Carried across continue-as-new; absent on the first run. */
  readonly state?: PathState;
  /** Command ids applied within the idempotency window; carried with the state. */
  readonly commands?: AppliedCommands;
  /** Policy versions the path may pin or migrate to; the default Finnish policy when absent. */
  readonly catalogue?: readonly PolicyVersion[];
  /** Continue-as-new once history holds this many events (tests lower it). */
  readonly continueAsNewAfter?: number;
}

/** An event as the workflow hands it to the event store: the domain event plus its id. */
export type StoredEvent = PathEvent & { readonly eventId: string };

export interface AppendEventsInput {
  readonly streamId: string;
  readonly expectedVersion: number;
  /** One decision's events; a staff command's carry its id in `metadata.commandId`. */
  readonly events: readonly StoredEvent[];
  /** The path's client: a reopening takes the one-active-path row under it. */
  readonly clientReference?: string;
  /** The firings' staff notifications, stored in the append's transaction (local appends). */
  readonly notifications?: readonly StaffNotification[];
}

/**
 * What an append did. `duplicateOf`: the command (by its id) was applied before, its last event
 * at that version, so nothing was written. (Histories recorded before this result existed hold
 * no value: read a missing result as appended.)
 */
export type AppendOutcome = { readonly appended: true } | { readonly appended: false; readonly duplicateOf: number };

export interface LoadPathInput {
  readonly streamId: string;
  /** Fold only up to this version (the outcome of an earlier command); the whole stream when absent. */
  readonly toVersion?: number;
  /** The workflow's now: command ids older than the idempotency window before it are left out. */
  readonly now: string;
}

/** A path as the event store holds it: what the workflow reloads after a version conflict. */
export interface LoadedPath {
  readonly state: PathState;
  readonly commands: AppliedCommands;
}

export interface StaffNotification {
  /** The firing event's id: a retried notification is stored once. */
  readonly notificationId: string;
  readonly pathId: string;
  readonly employmentArea: string;
  readonly recipient: Recipient;
  /** The coach's user id when the recipient is the coach. */
  readonly recipientUserId?: string;
  readonly rule: RuleId;
  readonly kind: ScheduledItemKind;
  readonly dueAt: string;
}

/** Activities of the service-path workflow; implemented in @polku/activities. */
export interface ServicePathActivities {
  appendEvents(input: AppendEventsInput): Promise<AppendOutcome>;
  loadPath(input: LoadPathInput): Promise<LoadedPath>;
  notifyStaff(notification: StaffNotification): Promise<void>;
}

/** Failure types the workflow raises; the API maps them to HTTP. */
export const PathFailureTypes = {
  versionConflict: 'EVENT_STORE.VERSION_CONFLICT',
  /** An event id already stored with other content: the deciding state was stale, or ids collide. */
  eventIdConflict: 'EVENT_STORE.EVENT_ID_CONFLICT',
  clientHasActivePath: 'PATH.CLIENT_HAS_ACTIVE_PATH',
  unstorable: 'EVENT_STORE.UNSTORABLE_DATA',
} as const;
