import type { PathEventType } from '@polku/domain';
import type { Audience } from './cloud-event';
import type { IntegrationEventData, IntegrationEventName } from './events.v1';
import type { TranslationContext } from './translation-context';

/** A condition on one audience's copy, read off the public data and the path's context. */
export interface Gate {
  readonly describe: string;
  test(data: Readonly<Record<string, unknown>>, context: TranslationContext): boolean;
}

export interface Cell<N extends IntegrationEventName> {
  /** Exactly the data fields this audience receives, in this order. */
  readonly fields: readonly (keyof IntegrationEventData<N> & string)[];
  readonly when?: Gate;
}

/** The wellbeing topic never gets anything unconditionally. */
export type WellbeingCell<N extends IntegrationEventName> = Cell<N> & { readonly when: Gate };

/** What one domain event becomes: its integration event and, for every audience, its copy or null. */
export type Route<N extends IntegrationEventName> = { readonly as: N } & { readonly [A in Exclude<Audience, 'wellbeing'>]: Cell<N> | null } & {
  readonly wellbeing: WellbeingCell<N> | null;
};

/** A route of any integration event, its fields still tied to that event's data. */
export type AnyRoute = { [N in IntegrationEventName]: Route<N> }[IntegrationEventName];

function route<N extends IntegrationEventName>(as: N, audiences: Omit<Route<N>, 'as'>): Route<N> {
  return { as, ...audiences };
}

const allOf = (...gates: Gate[]): Gate => ({
  describe: gates.map((gate) => gate.describe).join(' and '),
  test: (data, context) => gates.every((gate) => gate.test(data, context)),
});

export const WITH_WELLBEING_BASIS: Gate = {
  describe: 'only while the client has a legal basis (multisectoral support) or a wellbeing-county consent in force',
  test: (_data, context) => context.mayShareWithWellbeing,
};
/** Given, withdrawn or expired: the county must hear of its own consent, even as it ends. */
const ABOUT_WELLBEING_CONSENT: Gate = { describe: 'only for a wellbeing-county consent', test: (data) => data['audience'] === 'WELLBEING_COUNTY' };
const REHABILITATIVE: Gate = { describe: 'only for rehabilitative work activity', test: (data) => data['kind'] === 'REHABILITATIVE_WORK_ACTIVITY' };
const NOT_REHABILITATIVE: Gate = { describe: 'not for rehabilitative work activity (a health-related service)', test: (data) => data['kind'] !== 'REHABILITATIVE_WORK_ACTIVITY' };

/**
 * Data minimisation, decided here and nowhere else: for each domain event, the integration
 * event it becomes and the exact fields each audience's topic gets (null: nothing). Free text
 * and names are not in any integration event (events.v1.ts). Health and work-ability data —
 * the work-capacity summary, a sick-leave pause, rehabilitative work activity, referrals to the
 * wellbeing county, the 70 % subsidy rate, rehabilitation/pension exits — never reach the
 * municipal topic; the work-capacity summary reaches only the wellbeing topic.
 */
export const AUDIENCE_TABLE = {
  PathStarted: route('PathStarted', {
    events: { fields: ['pathId', 'clientReference', 'employmentArea', 'municipality', 'registeredOn', 'referralSource', 'policyVersion', 'coachId', 'ageGroup', 'unemployedSince', 'consents'] },
    municipal: { fields: ['pathId', 'clientReference', 'employmentArea', 'municipality', 'registeredOn', 'referralSource'] },
    wellbeing: { fields: ['pathId', 'clientReference', 'employmentArea', 'municipality', 'registeredOn'], when: WITH_WELLBEING_BASIS },
  }),
  InitialInterviewHeld: route('InitialInterviewHeld', {
    events: { fields: ['pathId', 'heldOn', 'employmentPlanDrafted', 'applicationsPerMonth', 'language'] },
    municipal: { fields: ['pathId', 'heldOn', 'employmentPlanDrafted'] },
    wellbeing: null,
  }),
  EmploymentPlanRecorded: route('EmploymentPlanRecorded', {
    events: { fields: ['pathId', 'recordedOn', 'applicationsPerMonth', 'language'] },
    municipal: { fields: ['pathId', 'recordedOn'] },
    wellbeing: null,
  }),
  AssessmentStarted: route('AssessmentStarted', {
    events: { fields: ['pathId', 'startedOn'] },
    municipal: { fields: ['pathId', 'startedOn'] },
    wellbeing: null,
  }),
  AssessmentRecorded: route('AssessmentRecorded', {
    events: { fields: ['pathId', 'recordedOn', 'recommendedNextService'] },
    municipal: { fields: ['pathId', 'recordedOn'] },
    wellbeing: null,
  }),
  ClientReferredToWellbeingService: route('ClientReferredToWellbeingService', {
    events: { fields: ['pathId', 'referralId', 'service', 'legalBasis', 'referredOn'] },
    municipal: null,
    wellbeing: {
      fields: ['pathId', 'clientReference', 'employmentArea', 'municipality', 'referralId', 'service', 'legalBasis', 'referredOn', 'workCapacityLimitation'],
      when: WITH_WELLBEING_BASIS,
    },
  }),
  WorkTrialStarted: route('WorkTrialStarted', {
    events: { fields: ['pathId', 'trialId', 'organiserBusinessId', 'organiserKind', 'startOn', 'plannedEndOn', 'daysPerWeek', 'hoursPerDay', 'agreementReference'] },
    municipal: { fields: ['pathId', 'trialId', 'organiserBusinessId', 'organiserKind', 'startOn', 'plannedEndOn', 'daysPerWeek', 'hoursPerDay', 'agreementReference'] },
    wellbeing: null,
  }),
  WorkTrialExtended: route('WorkTrialExtended', {
    events: { fields: ['pathId', 'trialId', 'plannedEndOn'] },
    municipal: { fields: ['pathId', 'trialId', 'plannedEndOn'] },
    wellbeing: null,
  }),
  WorkTrialEnded: route('WorkTrialEnded', {
    events: { fields: ['pathId', 'trialId', 'endedOn', 'result', 'organiserFeedbackReceived'] },
    municipal: { fields: ['pathId', 'trialId', 'endedOn', 'result'] },
    wellbeing: null,
  }),
  WageSubsidyStarted: route('WageSubsidyStarted', {
    events: { fields: ['pathId', 'subsidyId', 'employerBusinessId', 'employerKind', 'startOn', 'endOn', 'rate', 'workingTimePercent'] },
    municipal: { fields: ['pathId', 'subsidyId', 'employerBusinessId', 'employerKind', 'startOn'] },
    wellbeing: null,
  }),
  WageSubsidyEnded: route('WageSubsidyEnded', {
    events: { fields: ['pathId', 'subsidyId', 'endedOn'] },
    municipal: { fields: ['pathId', 'subsidyId', 'endedOn'] },
    wellbeing: null,
  }),
  SideServiceStarted: route('SideServiceStarted', {
    events: { fields: ['pathId', 'serviceId', 'kind', 'startOn', 'plannedEndOn', 'daysPerWeek', 'hoursPerDay', 'reviewOn'] },
    municipal: { fields: ['pathId', 'serviceId', 'kind', 'startOn', 'plannedEndOn'], when: NOT_REHABILITATIVE },
    wellbeing: { fields: ['pathId', 'serviceId', 'kind', 'startOn', 'plannedEndOn', 'daysPerWeek', 'hoursPerDay', 'reviewOn'], when: allOf(REHABILITATIVE, WITH_WELLBEING_BASIS) },
  }),
  SideServiceEnded: route('SideServiceEnded', {
    events: { fields: ['pathId', 'serviceId', 'kind', 'endedOn'] },
    municipal: { fields: ['pathId', 'serviceId', 'kind', 'endedOn'], when: NOT_REHABILITATIVE },
    wellbeing: { fields: ['pathId', 'serviceId', 'kind', 'endedOn'], when: allOf(REHABILITATIVE, WITH_WELLBEING_BASIS) },
  }),
  // Rehabilitative work activity is the county's service: its realised days never reach the municipal topic.
  RehabilitativeWorkDaysRecorded: route('RehabilitativeWorkDaysRecorded', {
    events: { fields: ['pathId', 'serviceId', 'month', 'realisedDays'] },
    municipal: null,
    wellbeing: { fields: ['pathId', 'serviceId', 'month', 'realisedDays'], when: WITH_WELLBEING_BASIS },
  }),
  ReportRecorded: route('ReportRecorded', {
    events: { fields: ['pathId', 'about', 'kind', 'recordedOn'] },
    municipal: { fields: ['pathId', 'about', 'kind', 'recordedOn'] },
    wellbeing: null,
  }),
  JobSearchDiscussionHeld: route('JobSearchDiscussionHeld', {
    events: { fields: ['pathId', 'heldOn', 'sequence'] },
    municipal: { fields: ['pathId', 'heldOn', 'sequence'] },
    wellbeing: null,
  }),
  PathPaused: route('PathPaused', {
    events: { fields: ['pathId', 'pausedAt', 'reason'] },
    municipal: { fields: ['pathId', 'pausedAt'] },
    wellbeing: null,
  }),
  PathResumed: route('PathResumed', {
    events: { fields: ['pathId', 'resumedAt', 'pausedMs'] },
    municipal: { fields: ['pathId', 'resumedAt'] },
    wellbeing: null,
  }),
  CoachReassigned: route('CoachReassigned', { events: { fields: ['pathId', 'fromCoachId', 'toCoachId'] }, municipal: null, wellbeing: null }),
  PathExited: route('PathExited', {
    events: { fields: ['pathId', 'exitedOn', 'goalAttained', 'outcomeCategory', 'outcome', 'language'] },
    municipal: { fields: ['pathId', 'exitedOn', 'goalAttained', 'outcomeCategory'] },
    wellbeing: { fields: ['pathId', 'exitedOn', 'goalAttained', 'outcomeCategory', 'outcome'], when: WITH_WELLBEING_BASIS },
  }),
  FollowUpRecorded: route('FollowUpRecorded', {
    events: { fields: ['pathId', 'months', 'inWorkOrStudy', 'recordedOn'] },
    municipal: { fields: ['pathId', 'months', 'inWorkOrStudy', 'recordedOn'] },
    wellbeing: null,
  }),
  PathReopened: route('PathReopened', {
    events: { fields: ['pathId', 'reopenedOn'] },
    municipal: { fields: ['pathId', 'reopenedOn'] },
    wellbeing: { fields: ['pathId', 'reopenedOn'], when: WITH_WELLBEING_BASIS },
  }),
  ConsentRecorded: route('ConsentRecorded', {
    events: { fields: ['pathId', 'audience', 'givenOn', 'expiresOn'] },
    municipal: null,
    wellbeing: { fields: ['pathId', 'clientReference', 'employmentArea', 'municipality', 'audience', 'givenOn', 'expiresOn'], when: ABOUT_WELLBEING_CONSENT },
  }),
  ConsentWithdrawn: route('ConsentWithdrawn', {
    events: { fields: ['pathId', 'audience', 'withdrawnAt'] },
    municipal: null,
    wellbeing: { fields: ['pathId', 'audience', 'withdrawnAt'], when: ABOUT_WELLBEING_CONSENT },
  }),
  ConsentExpired: route('ConsentExpired', {
    events: { fields: ['pathId', 'audience', 'expiredOn'] },
    municipal: null,
    wellbeing: { fields: ['pathId', 'audience', 'expiredOn'], when: ABOUT_WELLBEING_CONSENT },
  }),
  PolicyMigrated: route('PolicyMigrated', { events: { fields: ['pathId', 'fromVersion', 'toVersion'] }, municipal: null, wellbeing: null }),
  DeadlineMissed: route('DeadlineMissed', { events: { fields: ['pathId', 'itemId', 'rule', 'dueOn', 'notify'] }, municipal: null, wellbeing: null }),
  EscalationRaised: route('EscalationRaised', { events: { fields: ['pathId', 'itemId', 'rule', 'dueOn', 'notify'] }, municipal: null, wellbeing: null }),
  // The workflow's timer bookkeeping: read from the event store, never published.
  DeadlinesScheduled: null,
  ScheduledItemsCancelled: null,
  ReminderIssued: null,
} satisfies { readonly [T in PathEventType]: AnyRoute | null };

export type PublishedEventType = { [T in PathEventType]: (typeof AUDIENCE_TABLE)[T] extends null ? never : T }[PathEventType];
export type PublishedAs<T extends PublishedEventType> = NonNullable<(typeof AUDIENCE_TABLE)[T]>['as'];

export function routeOf(type: PathEventType): AnyRoute | null {
  return AUDIENCE_TABLE[type];
}

export function cellOf(type: PathEventType, audience: Audience): (Cell<IntegrationEventName> & { readonly fields: readonly string[] }) | null {
  return (routeOf(type)?.[audience] as Cell<IntegrationEventName> | null | undefined) ?? null;
}
