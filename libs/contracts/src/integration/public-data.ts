import type { PathEvent } from '@polku/domain';
import type { PublishedAs, PublishedEventType } from './audience-table';
import type { IntegrationEventData } from './events.v1';
import { outcomeCategoryOf } from './exit-outcome-category';
import type { TranslationContext } from './translation-context';

type EventOf<T extends PublishedEventType> = Extract<PathEvent, { type: T }>;
type ToPublic = { readonly [T in PublishedEventType]: (event: EventOf<T>, context: TranslationContext) => IntegrationEventData<PublishedAs<T>> };

function kindOfSideService(serviceId: string, context: TranslationContext) {
  const kind = context.sideServiceKinds[serviceId];
  if (!kind) throw new Error(`Side service ${serviceId} ended but was never started on path ${context.pathId}.`);
  return kind;
}

const item = ({ data }: EventOf<'DeadlineMissed' | 'EscalationRaised'>, { pathId }: TranslationContext) => ({
  pathId, itemId: data.item.id, rule: data.item.rule, dueOn: data.item.dueOn, notify: data.item.notify,
});

/**
 * Each published domain event as its integration event, every public field filled: the
 * audiences' copies are cut from this (AUDIENCE_TABLE). Free text and names are left behind here.
 */
export const TO_PUBLIC: ToPublic = {
  PathStarted: ({ data }) => ({
    pathId: data.pathId, clientReference: data.clientReference, employmentArea: data.employmentArea, municipality: data.municipality,
    registeredOn: data.registeredOn, referralSource: data.referralSource, policyVersion: data.policy.id, coachId: data.coachId,
    ageGroup: data.ageGroup, unemployedSince: data.unemployedSince,
    consents: data.consents.map(({ audience, givenOn, expiresOn }) => ({ audience, givenOn, expiresOn })),
  }),
  InitialInterviewHeld: ({ data }, { pathId }) => ({
    pathId, heldOn: data.heldOn, employmentPlanDrafted: data.employmentPlan !== undefined, applicationsPerMonth: data.employmentPlan?.applicationsPerMonth, language: data.language,
  }),
  EmploymentPlanRecorded: ({ data }, { pathId }) => ({ pathId, recordedOn: data.recordedOn, applicationsPerMonth: data.employmentPlan.applicationsPerMonth, language: data.language }),
  AssessmentStarted: ({ data }, { pathId }) => ({ pathId, startedOn: data.startedOn }),
  AssessmentRecorded: ({ data }, { pathId }) => ({ pathId, recordedOn: data.recordedOn, recommendedNextService: data.recommendedNextService }),
  ClientReferredToWellbeingService: ({ data }, context) => ({
    pathId: context.pathId, clientReference: context.clientReference, employmentArea: context.employmentArea, municipality: context.municipality,
    referralId: data.referralId, service: data.service, legalBasis: data.legalBasis, referredOn: data.referredOn, workCapacityLimitation: data.workCapacityLimitation,
  }),
  WorkTrialStarted: ({ data }, { pathId }) => ({
    pathId, trialId: data.trialId, organiserBusinessId: data.organiser.businessId, organiserKind: data.organiser.kind, startOn: data.startOn,
    plannedEndOn: data.plannedEndOn, daysPerWeek: data.daysPerWeek, hoursPerDay: data.hoursPerDay, agreementReference: data.agreementReference,
  }),
  WorkTrialExtended: ({ data }, { pathId }) => ({ pathId, trialId: data.trialId, plannedEndOn: data.plannedEndOn }),
  WorkTrialEnded: ({ data }, { pathId }) => ({
    pathId, trialId: data.trialId, endedOn: data.endedOn, result: data.result, organiserFeedbackReceived: data.organiserFeedback !== undefined,
  }),
  WageSubsidyStarted: ({ data }, { pathId }) => ({
    pathId, subsidyId: data.subsidyId, employerBusinessId: data.employerBusinessId, employerKind: data.employerKind, startOn: data.startOn,
    endOn: data.endOn, rate: data.rate, workingTimePercent: data.workingTimePercent,
  }),
  WageSubsidyEnded: ({ data }, { pathId }) => ({ pathId, subsidyId: data.subsidyId, endedOn: data.endedOn }),
  SideServiceStarted: ({ data }, { pathId }) => ({
    pathId, serviceId: data.serviceId, kind: data.kind, startOn: data.startOn, plannedEndOn: data.plannedEndOn,
    daysPerWeek: data.daysPerWeek, hoursPerDay: data.hoursPerDay, reviewOn: data.reviewOn,
  }),
  SideServiceEnded: ({ data }, context) => ({ pathId: context.pathId, serviceId: data.serviceId, kind: kindOfSideService(data.serviceId, context), endedOn: data.endedOn }),
  RehabilitativeWorkDaysRecorded: ({ data }, { pathId }) => ({ pathId, serviceId: data.serviceId, month: data.month, realisedDays: data.realisedDays }),
  ReportRecorded: ({ data }, { pathId }) => ({
    pathId, about: { type: data.about.type, id: data.about.type === 'COACHING' ? data.about.serviceId : data.about.trialId }, kind: data.kind, recordedOn: data.recordedOn,
  }),
  JobSearchDiscussionHeld: ({ data }, { pathId }) => ({ pathId, heldOn: data.heldOn, sequence: data.sequence }),
  PathPaused: ({ data }, { pathId }) => ({ pathId, pausedAt: data.pausedAt, reason: data.reason }),
  PathResumed: ({ data }, { pathId }) => ({ pathId, resumedAt: data.resumedAt, pausedMs: data.pausedMs }),
  CoachReassigned: ({ data }, { pathId }) => ({ pathId, fromCoachId: data.fromCoachId, toCoachId: data.toCoachId }),
  PathExited: ({ data }, { pathId }) => ({
    pathId, exitedOn: data.exitedOn, goalAttained: data.goalAttained, outcomeCategory: outcomeCategoryOf(data.outcome), outcome: data.outcome, language: data.language,
  }),
  FollowUpRecorded: ({ data }, { pathId }) => ({ pathId, months: data.months, inWorkOrStudy: data.inWorkOrStudy, recordedOn: data.recordedOn }),
  PathReopened: ({ data }, { pathId }) => ({ pathId, reopenedOn: data.reopenedOn }),
  ConsentRecorded: ({ data }, context) => ({
    pathId: context.pathId, clientReference: context.clientReference, employmentArea: context.employmentArea, municipality: context.municipality,
    audience: data.consent.audience, givenOn: data.consent.givenOn, expiresOn: data.consent.expiresOn,
  }),
  ConsentWithdrawn: ({ data, metadata }, { pathId }) => ({ pathId, audience: data.audience, withdrawnAt: metadata.occurredAt }),
  ConsentExpired: ({ data }, { pathId }) => ({ pathId, audience: data.audience, expiredOn: data.item.dueOn }),
  PolicyMigrated: ({ data }, { pathId }) => ({ pathId, fromVersion: data.fromVersion, toVersion: data.toVersion }),
  DeadlineMissed: item,
  EscalationRaised: item,
};
