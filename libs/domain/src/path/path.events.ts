import type { LocalDate } from '../calendar';
import type { PolicyVersion } from '../policy/policy.types';
import type { ScheduledItem } from '../schedule/scheduled-item';
import type * as C from './path.commands';
import type { ConsentAudience, Consent, DocumentLanguage, EventMetadata, ExitOutcome, Instant, PauseReason } from './path.types';

type Event<Type extends string, Data> = { readonly type: Type; readonly data: Data; readonly metadata: EventMetadata };

export type PathStarted = Event<'PathStarted', C.StartPath['data'] & { readonly policy: PolicyVersion }>;
export type InitialInterviewHeld = Event<'InitialInterviewHeld', C.HoldInitialInterview['data']>;
export type EmploymentPlanRecorded = Event<'EmploymentPlanRecorded', C.RecordEmploymentPlan['data']>;
export type AssessmentStarted = Event<'AssessmentStarted', C.StartAssessment['data']>;
export type AssessmentRecorded = Event<'AssessmentRecorded', C.RecordAssessment['data']>;
export type ClientReferredToWellbeingService = Event<'ClientReferredToWellbeingService', C.ReferToWellbeingService['data']>;
export type WorkTrialStarted = Event<'WorkTrialStarted', C.StartWorkTrial['data']>;
export type WorkTrialExtended = Event<'WorkTrialExtended', { readonly trialId: string; readonly plannedEndOn: LocalDate }>;
export type WorkTrialEnded = Event<'WorkTrialEnded', C.EndWorkTrial['data'] & { readonly trialId: string }>;
export type WageSubsidyStarted = Event<'WageSubsidyStarted', C.StartWageSubsidy['data']>;
export type WageSubsidyEnded = Event<'WageSubsidyEnded', C.EndWageSubsidy['data'] & { readonly subsidyId: string }>;
export type SideServiceStarted = Event<'SideServiceStarted', C.StartSideService['data']>;
export type SideServiceEnded = Event<'SideServiceEnded', C.EndSideService['data']>;
export type RehabilitativeWorkDaysRecorded = Event<'RehabilitativeWorkDaysRecorded', C.RecordRehabilitativeWorkDays['data']>;
export type ReportRecorded = Event<'ReportRecorded', C.RecordReport['data']>;
export type JobSearchDiscussionHeld = Event<'JobSearchDiscussionHeld', C.HoldJobSearchDiscussion['data'] & { readonly sequence: number }>;
export type PathPaused = Event<'PathPaused', { readonly reason: PauseReason; readonly pausedAt: Instant }>;
/** Every pending item moved later by the paused time, listed explicitly. */
export type PathResumed = Event<'PathResumed', { readonly resumedAt: Instant; readonly pausedMs: number; readonly rescheduled: readonly ScheduledItem[] }>;
export type CoachReassigned = Event<'CoachReassigned', { readonly fromCoachId: string; readonly toCoachId: string }>;
export type PathExited = Event<'PathExited', { readonly outcome: ExitOutcome; readonly exitedOn: LocalDate; readonly goalAttained: boolean; readonly language?: DocumentLanguage }>;
export type FollowUpRecorded = Event<'FollowUpRecorded', C.RecordFollowUp['data']>;
export type PathReopened = Event<'PathReopened', C.ReopenPath['data']>;
export type ConsentRecorded = Event<'ConsentRecorded', { readonly consent: Consent }>;
export type ConsentWithdrawn = Event<'ConsentWithdrawn', { readonly audience: ConsentAudience }>;
export type ConsentExpired = Event<'ConsentExpired', { readonly audience: ConsentAudience; readonly item: ScheduledItem }>;
export type PolicyMigrated = Event<'PolicyMigrated', { readonly fromVersion: string; readonly toVersion: string; readonly policy: PolicyVersion }>;
export type DeadlinesScheduled = Event<'DeadlinesScheduled', { readonly items: readonly ScheduledItem[] }>;
export type ScheduledItemsCancelled = Event<'ScheduledItemsCancelled', { readonly itemIds: readonly string[]; readonly reason: string }>;
export type ReminderIssued = Event<'ReminderIssued', { readonly item: ScheduledItem }>;
export type DeadlineMissed = Event<'DeadlineMissed', { readonly item: ScheduledItem }>;
export type EscalationRaised = Event<'EscalationRaised', { readonly item: ScheduledItem }>;

export type PathEvent =
  | PathStarted
  | InitialInterviewHeld
  | EmploymentPlanRecorded
  | AssessmentStarted
  | AssessmentRecorded
  | ClientReferredToWellbeingService
  | WorkTrialStarted
  | WorkTrialExtended
  | WorkTrialEnded
  | WageSubsidyStarted
  | WageSubsidyEnded
  | SideServiceStarted
  | SideServiceEnded
  | RehabilitativeWorkDaysRecorded
  | ReportRecorded
  | JobSearchDiscussionHeld
  | PathPaused
  | PathResumed
  | CoachReassigned
  | PathExited
  | FollowUpRecorded
  | PathReopened
  | ConsentRecorded
  | ConsentWithdrawn
  | ConsentExpired
  | PolicyMigrated
  | DeadlinesScheduled
  | ScheduledItemsCancelled
  | ReminderIssued
  | DeadlineMissed
  | EscalationRaised;

export type PathEventType = PathEvent['type'];

const FIRINGS = ['ReminderIssued', 'DeadlineMissed', 'EscalationRaised', 'ConsentExpired'] as const satisfies readonly PathEventType[];
export type FiringEventType = (typeof FIRINGS)[number];

/** Events that mean a timer fired: the workflow notifies the item's recipient after them. */
export const FIRING_EVENTS: readonly PathEventType[] = FIRINGS;

/** A firing event, narrowed: each carries the item that fired. */
export function isFiringEvent<E extends { readonly type: string }>(event: E): event is Extract<E, { readonly type: FiringEventType }> {
  return (FIRINGS as readonly string[]).includes(event.type);
}
