import { z } from 'zod';
import { ClientReference, cloudEventSchema, OpaqueId } from './cloud-event';

/**
 * Integration events, version 1: the public, minimised shapes that leave Polku on Kafka. They
 * are not the domain events. No free text (service need, goals, strengths, tasks, feedback,
 * report summaries, reasons, consent scope) and no names (organiser, provider, guide) appear in
 * any of them: free text is uncontrolled — it can hold a name, an identity code or a diagnosis —
 * and a Kafka log cannot honour an erasure request. It stays in the event store.
 *
 * A field that only some audiences receive is optional here and says who gets it; which audience
 * gets which field is decided in one place, AUDIENCE_TABLE (audience-table.ts). Producers are
 * strict (unknown fields are a bug); the generated JSON Schemas let consumers read tolerantly.
 */
const LocalDate = z.iso.date();
const Instant = z.iso.datetime();
const PathId = OpaqueId.describe('The path id; also the CloudEvent subject and the Kafka key.');
const internalOnly = <S extends z.ZodType>(schema: S, what: string) => schema.optional().describe(`${what} Internal topic only.`);

const ReferralSource = z.enum(['SELF_REGISTRATION', 'KELA', 'WELLBEING_COUNTY', 'EDUCATION_PROVIDER', 'OTHER']);
const ConsentAudience = z.enum(['WELLBEING_COUNTY', 'KELA', 'SERVICE_PROVIDER']);
const OrganiserKind = z.enum(['COMPANY', 'MUNICIPALITY', 'FOUNDATION', 'ASSOCIATION', 'STATE_AGENCY', 'PRIVATE_PERSON']);
const SideServiceKind = z.enum(['INDIVIDUAL_COACHING', 'GROUP_COACHING', 'EDUCATION_TRIAL', 'STUDIES', 'REHABILITATIVE_WORK_ACTIVITY']);
const ExitOutcome = z.enum([
  'EMPLOYED_OPEN_MARKET', 'EMPLOYED_SUBSIDISED', 'ENTREPRENEUR', 'EDUCATION', 'REHABILITATION', 'PENSION_OR_OTHER_LONG_TERM', 'MOVED_AWAY', 'NOT_REACHED', 'OTHER',
]);
/** The exit outcome with the health-revealing codes (rehabilitation, pension) merged into one. */
export const ExitOutcomeCategory = z.enum([
  'EMPLOYED_OPEN_MARKET', 'EMPLOYED_SUBSIDISED', 'ENTREPRENEUR', 'EDUCATION', 'LONG_TERM_SOLUTION', 'MOVED_AWAY', 'NOT_REACHED', 'OTHER',
]);
const RuleId = z.enum([
  'INIT-INTERVIEW', 'EMPLOYMENT-PLAN', 'JOB-SEARCH-DISCUSSION', 'ASSESSMENT-DONE', 'WORK-TRIAL-MAX', 'WORK-TRIAL-MID', 'WORK-TRIAL-FEEDBACK', 'WAGE-SUBSIDY-END',
  'COACHING-START-REPORT', 'COACHING-MID-REPORT', 'COACHING-FINAL-REPORT', 'REHAB-REVIEW', 'MULTISECTORAL-SCREEN', 'FOLLOW-UP', 'CONSENT-EXPIRY',
]);
const Recipient = z.enum(['COACH', 'TEAM_LEAD', 'CONTRACT_MANAGER', 'WELLBEING_COUNTY_LEAD', 'MULTISECTORAL_TEAM']);
const ConsentSummary = z.strictObject({ audience: ConsentAudience, givenOn: LocalDate, expiresOn: LocalDate });
const firstContact = {
  clientReference: ClientReference.optional().describe('Wellbeing topic: the first event it may get about a path.'),
  employmentArea: z.string().min(2).max(80).optional().describe('Wellbeing topic: the first event it may get about a path.'),
  municipality: z.string().min(2).max(80).optional().describe('Wellbeing topic: the first event it may get about a path.'),
};

export const PathStartedV1 = z.strictObject({
  pathId: PathId,
  clientReference: ClientReference.describe('Pseudonymous and stable across a client’s paths: lets an agency count clients, never identifies one.'),
  employmentArea: z.string().min(2).max(80),
  municipality: z.string().min(2).max(80),
  registeredOn: LocalDate,
  referralSource: ReferralSource.optional().describe('Internal and municipal topics.'),
  policyVersion: internalOnly(OpaqueId, 'The policy version the path pinned.'),
  coachId: internalOnly(OpaqueId, 'The personal coach’s user id.'),
  ageGroup: internalOnly(z.enum(['UNDER_25', 'FROM_25']), 'For the multisectoral screening prompt.'),
  unemployedSince: internalOnly(LocalDate, 'For the multisectoral screening prompt.'),
  consents: internalOnly(z.array(ConsentSummary), 'Consents given at intake.'),
});

export const InitialInterviewHeldV1 = z.strictObject({
  pathId: PathId,
  heldOn: LocalDate,
  employmentPlanDrafted: z.boolean(),
  applicationsPerMonth: internalOnly(z.number().int().min(0).max(4), 'The job-application obligation.'),
});

export const EmploymentPlanRecordedV1 = z.strictObject({
  pathId: PathId,
  recordedOn: LocalDate,
  applicationsPerMonth: internalOnly(z.number().int().min(0).max(4), 'The job-application obligation.'),
});

export const AssessmentStartedV1 = z.strictObject({ pathId: PathId, startedOn: LocalDate });

export const AssessmentRecordedV1 = z.strictObject({
  pathId: PathId,
  recordedOn: LocalDate,
  recommendedNextService: internalOnly(
    z.enum(['WORK_TRIAL', 'WAGE_SUBSIDY', 'COACHING', 'EDUCATION', 'REHABILITATION', 'OPEN_MARKET_JOB']),
    'A recommendation of rehabilitation is health-revealing.',
  ),
});

export const ClientReferredToWellbeingServiceV1 = z.strictObject({
  pathId: PathId,
  referralId: OpaqueId,
  service: z.enum(['WORK_ABILITY_ASSESSMENT', 'REHABILITATIVE_WORK_ACTIVITY', 'MULTISECTORAL_SCREENING']),
  legalBasis: z.enum(['MULTISECTORAL_SUPPORT', 'CONSENT']),
  referredOn: LocalDate,
  workCapacityLimitation: z.boolean().optional().describe('Work-capacity summary (special-category data): wellbeing topic only, never diagnoses.'),
  ...firstContact,
});

export const WorkTrialStartedV1 = z.strictObject({
  pathId: PathId,
  trialId: OpaqueId,
  organiserBusinessId: z.string().regex(/^\d{7}-\d$/),
  organiserKind: OrganiserKind,
  startOn: LocalDate,
  plannedEndOn: LocalDate,
  daysPerWeek: z.number().int().min(1).max(5),
  hoursPerDay: z.number().min(4).max(8),
  agreementReference: OpaqueId,
});

export const WorkTrialExtendedV1 = z.strictObject({ pathId: PathId, trialId: OpaqueId, plannedEndOn: LocalDate });

export const WorkTrialEndedV1 = z.strictObject({
  pathId: PathId,
  trialId: OpaqueId,
  endedOn: LocalDate,
  result: z.enum(['COMPLETED', 'INTERRUPTED']),
  organiserFeedbackReceived: internalOnly(z.boolean(), 'Whether the written feedback is in (its text never leaves Polku).'),
});

export const WageSubsidyStartedV1 = z.strictObject({
  pathId: PathId,
  subsidyId: OpaqueId,
  employerBusinessId: z.string().regex(/^\d{7}-\d$/),
  employerKind: OrganiserKind,
  startOn: LocalDate,
  endOn: internalOnly(LocalDate, 'The planned end (a ~24-month period implies reduced work ability).'),
  rate: internalOnly(z.union([z.literal(50), z.literal(70), z.literal(100)]), 'The rate (70 % means reduced work ability).'),
  workingTimePercent: internalOnly(z.number().min(0).max(100), 'Working time.'),
});

export const WageSubsidyEndedV1 = z.strictObject({ pathId: PathId, subsidyId: OpaqueId, endedOn: LocalDate });

export const SideServiceStartedV1 = z.strictObject({
  pathId: PathId,
  serviceId: OpaqueId,
  kind: SideServiceKind,
  startOn: LocalDate,
  plannedEndOn: LocalDate,
  daysPerWeek: z.number().int().min(1).max(5).optional().describe('Internal topic; wellbeing topic for rehabilitative work activity.'),
  hoursPerDay: z.number().min(0).max(24).optional().describe('Internal topic; wellbeing topic for rehabilitative work activity.'),
  reviewOn: LocalDate.optional().describe('Rehabilitative work activity: the plan’s evaluation date. Internal and wellbeing topics.'),
});

export const SideServiceEndedV1 = z.strictObject({ pathId: PathId, serviceId: OpaqueId, kind: SideServiceKind, endedOn: LocalDate });

export const ReportRecordedV1 = z.strictObject({
  pathId: PathId,
  about: z.strictObject({ type: z.enum(['COACHING', 'WORK_TRIAL']), id: OpaqueId }),
  kind: z.enum(['START', 'MID', 'FINAL']),
  recordedOn: LocalDate,
});

export const JobSearchDiscussionHeldV1 = z.strictObject({ pathId: PathId, heldOn: LocalDate, sequence: z.number().int().min(1) });

export const PathPausedV1 = z.strictObject({
  pathId: PathId,
  pausedAt: Instant,
  reason: internalOnly(z.enum(['SICK_LEAVE', 'PARENTAL_LEAVE', 'MILITARY_SERVICE', 'OTHER']), 'Sick leave is health data.'),
});

export const PathResumedV1 = z.strictObject({
  pathId: PathId,
  resumedAt: Instant,
  pausedMs: internalOnly(z.number().int().min(0), 'How long the path was paused.'),
});

export const CoachReassignedV1 = z.strictObject({ pathId: PathId, fromCoachId: OpaqueId, toCoachId: OpaqueId });

export const PathExitedV1 = z.strictObject({
  pathId: PathId,
  exitedOn: LocalDate,
  goalAttained: z.boolean(),
  outcomeCategory: ExitOutcomeCategory,
  outcome: ExitOutcome.optional().describe('The exact outcome code: internal and wellbeing topics (rehabilitation and pension are health-revealing).'),
});

export const FollowUpRecordedV1 = z.strictObject({ pathId: PathId, months: z.number().int().min(1), inWorkOrStudy: z.boolean(), recordedOn: LocalDate });

export const PathReopenedV1 = z.strictObject({ pathId: PathId, reopenedOn: LocalDate });

export const ConsentRecordedV1 = z.strictObject({ pathId: PathId, audience: ConsentAudience, givenOn: LocalDate, expiresOn: LocalDate, ...firstContact });

export const ConsentWithdrawnV1 = z.strictObject({ pathId: PathId, audience: ConsentAudience, withdrawnAt: Instant });

export const ConsentExpiredV1 = z.strictObject({ pathId: PathId, audience: ConsentAudience, expiredOn: LocalDate });

export const PolicyMigratedV1 = z.strictObject({ pathId: PathId, fromVersion: OpaqueId, toVersion: OpaqueId });

const firedItem = { pathId: PathId, itemId: OpaqueId, rule: RuleId, dueOn: LocalDate, notify: Recipient };
export const DeadlineMissedV1 = z.strictObject(firedItem);
export const EscalationRaisedV1 = z.strictObject(firedItem);

/** Every integration event of major version 1, by name: the one source of their schemas. */
export const INTEGRATION_EVENTS_V1 = {
  PathStarted: PathStartedV1,
  InitialInterviewHeld: InitialInterviewHeldV1,
  EmploymentPlanRecorded: EmploymentPlanRecordedV1,
  AssessmentStarted: AssessmentStartedV1,
  AssessmentRecorded: AssessmentRecordedV1,
  ClientReferredToWellbeingService: ClientReferredToWellbeingServiceV1,
  WorkTrialStarted: WorkTrialStartedV1,
  WorkTrialExtended: WorkTrialExtendedV1,
  WorkTrialEnded: WorkTrialEndedV1,
  WageSubsidyStarted: WageSubsidyStartedV1,
  WageSubsidyEnded: WageSubsidyEndedV1,
  SideServiceStarted: SideServiceStartedV1,
  SideServiceEnded: SideServiceEndedV1,
  ReportRecorded: ReportRecordedV1,
  JobSearchDiscussionHeld: JobSearchDiscussionHeldV1,
  PathPaused: PathPausedV1,
  PathResumed: PathResumedV1,
  CoachReassigned: CoachReassignedV1,
  PathExited: PathExitedV1,
  FollowUpRecorded: FollowUpRecordedV1,
  PathReopened: PathReopenedV1,
  ConsentRecorded: ConsentRecordedV1,
  ConsentWithdrawn: ConsentWithdrawnV1,
  ConsentExpired: ConsentExpiredV1,
  PolicyMigrated: PolicyMigratedV1,
  DeadlineMissed: DeadlineMissedV1,
  EscalationRaised: EscalationRaisedV1,
} as const;

export type IntegrationEventName = keyof typeof INTEGRATION_EVENTS_V1;
export type IntegrationEventData<N extends IntegrationEventName> = z.infer<(typeof INTEGRATION_EVENTS_V1)[N]>;

export const INTEGRATION_EVENT_NAMES = Object.keys(INTEGRATION_EVENTS_V1) as readonly IntegrationEventName[];

const envelopes = new Map(INTEGRATION_EVENT_NAMES.map((name) => [name, cloudEventSchema(name, 1, INTEGRATION_EVENTS_V1[name])]));

/** The whole CloudEvent of one v1 integration event: envelope, type, dataschema and data. */
export function envelopeSchemaV1(name: IntegrationEventName): z.ZodType {
  const envelope = envelopes.get(name);
  if (!envelope) throw new Error(`No integration event ${name} in version 1.`);
  return envelope;
}
