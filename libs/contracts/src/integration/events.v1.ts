import * as D from '@polku/domain';
import { z } from 'zod';
import { ClientReference, cloudEventSchema, OpaqueId } from './cloud-event';
import { EXIT_OUTCOME_CATEGORIES } from './exit-outcome-category';
import { publishedRange } from './published-limits';

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
 *
 * Lists and bounds come from the domain: a value added there changes the schema here, which the
 * compatibility test refuses for v1 (readers switch on enums), so the change is made a v2 on purpose.
 */
const LocalDate = z.iso.date();
const Instant = z.iso.datetime();
const PathId = OpaqueId.describe('The path id; also the CloudEvent subject and the Kafka key.');
const internalOnly = <S extends z.ZodType>(schema: S, what: string) => schema.optional().describe(`${what} Internal topic only.`);

const ReferralSource = z.enum(D.REFERRAL_SOURCES);
const ConsentAudience = z.enum(D.CONSENT_AUDIENCES);
const OrganiserKind = z.enum(D.ORGANISER_KINDS);
const SideServiceKind = z.enum(D.SIDE_SERVICE_KINDS);
const ExitOutcome = z.enum(D.EXIT_OUTCOMES);
/** The exit outcome with the health-revealing codes (rehabilitation, pension) merged into one. */
export const ExitOutcomeCategory = z.enum(EXIT_OUTCOME_CATEGORIES);
const RuleId = z.enum(D.RULE_IDS);
const DocumentLanguage = z.enum(D.DOCUMENT_LANGUAGES);
const documentLanguage = internalOnly(DocumentLanguage, 'The language the client’s document was written in.');
const Recipient = z.enum(D.RECIPIENTS);
const ConsentSummary = z.strictObject({ audience: ConsentAudience, givenOn: LocalDate, expiresOn: LocalDate });

type Range = { readonly min: number; readonly max: number };
const count = ({ min, max }: Range) => z.number().int().min(min).max(max);
const hours = ({ min, max }: Range) => z.number().min(min).max(max);
const applicationsPerMonth = internalOnly(count(publishedRange((limits) => limits.applicationsPerMonth)), 'The job-application obligation.');
/** What holds for any service's schedule (working-time.ts): the decider refuses the rest. */
const SERVICE_DAYS: Range = { min: D.SERVICE_DAYS_A_WEEK[0], max: D.SERVICE_DAYS_A_WEEK[1] };
const WageSubsidyRate = z.union(D.WAGE_SUBSIDY_RATES.map((rate) => z.literal(rate)) as [z.ZodLiteral<D.WageSubsidyRate>, ...z.ZodLiteral<D.WageSubsidyRate>[]]);

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
  ageGroup: internalOnly(z.enum(D.AGE_GROUPS), 'For the multisectoral screening prompt.'),
  unemployedSince: internalOnly(LocalDate, 'For the multisectoral screening prompt.'),
  consents: internalOnly(z.array(ConsentSummary), 'Consents given at intake.'),
});

export const InitialInterviewHeldV1 = z.strictObject({
  pathId: PathId,
  heldOn: LocalDate,
  employmentPlanDrafted: z.boolean(),
  applicationsPerMonth,
  language: documentLanguage,
});

export const EmploymentPlanRecordedV1 = z.strictObject({
  pathId: PathId,
  recordedOn: LocalDate,
  applicationsPerMonth,
  language: documentLanguage,
});

export const AssessmentStartedV1 = z.strictObject({ pathId: PathId, startedOn: LocalDate });

export const AssessmentRecordedV1 = z.strictObject({
  pathId: PathId,
  recordedOn: LocalDate,
  recommendedNextService: internalOnly(z.enum(D.RECOMMENDED_SERVICES), 'A recommendation of rehabilitation is health-revealing.'),
});

export const ClientReferredToWellbeingServiceV1 = z.strictObject({
  pathId: PathId,
  referralId: OpaqueId,
  service: z.enum(D.WELLBEING_SERVICE_KINDS),
  legalBasis: z.enum(D.LEGAL_BASES),
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
  daysPerWeek: count(publishedRange((limits) => limits.workTrialDaysPerWeek)),
  hoursPerDay: hours(publishedRange((limits) => limits.workTrialHoursPerDay)),
  agreementReference: OpaqueId,
});

export const WorkTrialExtendedV1 = z.strictObject({ pathId: PathId, trialId: OpaqueId, plannedEndOn: LocalDate });

export const WorkTrialEndedV1 = z.strictObject({
  pathId: PathId,
  trialId: OpaqueId,
  endedOn: LocalDate,
  result: z.enum(D.WORK_TRIAL_RESULTS),
  organiserFeedbackReceived: internalOnly(z.boolean(), 'Whether the written feedback is in (its text never leaves Polku).'),
});

export const WageSubsidyStartedV1 = z.strictObject({
  pathId: PathId,
  subsidyId: OpaqueId,
  employerBusinessId: z.string().regex(/^\d{7}-\d$/),
  employerKind: OrganiserKind,
  startOn: LocalDate,
  endOn: internalOnly(LocalDate, 'The planned end (a ~24-month period implies reduced work ability).'),
  rate: internalOnly(WageSubsidyRate, 'The rate (70 % means reduced work ability).'),
  // Published v1 said 0–100 and schemas only grow: the domain's lower bound (1) is the decider's.
  workingTimePercent: internalOnly(z.number().min(0).max(D.WORKING_TIME_PERCENT[1]), 'Working time.'),
});

export const WageSubsidyEndedV1 = z.strictObject({ pathId: PathId, subsidyId: OpaqueId, endedOn: LocalDate });

export const SideServiceStartedV1 = z.strictObject({
  pathId: PathId,
  serviceId: OpaqueId,
  kind: SideServiceKind,
  startOn: LocalDate,
  plannedEndOn: LocalDate,
  daysPerWeek: count(SERVICE_DAYS).optional().describe('Internal topic; wellbeing topic for rehabilitative work activity.'),
  hoursPerDay: hours({ min: 0, max: D.HOURS_A_DAY }).optional().describe('Internal topic; wellbeing topic for rehabilitative work activity.'),
  reviewOn: LocalDate.optional().describe('Rehabilitative work activity: the plan’s evaluation date. Internal and wellbeing topics.'),
});

export const SideServiceEndedV1 = z.strictObject({ pathId: PathId, serviceId: OpaqueId, kind: SideServiceKind, endedOn: LocalDate });

export const RehabilitativeWorkDaysRecordedV1 = z.strictObject({
  pathId: PathId,
  serviceId: OpaqueId,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('The calendar month, YYYY-MM.'),
  realisedDays: count({ min: 0, max: 31 }).describe('Days the rehabilitative work activity was realised in the month; a later record of the month replaces it.'),
});

export const ReportRecordedV1 = z.strictObject({
  pathId: PathId,
  about: z.strictObject({ type: z.enum(D.REPORT_SUBJECTS), id: OpaqueId }),
  kind: z.enum(D.REPORT_KINDS),
  recordedOn: LocalDate,
});

export const JobSearchDiscussionHeldV1 = z.strictObject({ pathId: PathId, heldOn: LocalDate, sequence: z.number().int().min(1) });

export const PathPausedV1 = z.strictObject({
  pathId: PathId,
  pausedAt: Instant,
  reason: internalOnly(z.enum(D.PAUSE_REASONS), 'Sick leave is health data.'),
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
  language: documentLanguage,
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
  RehabilitativeWorkDaysRecorded: RehabilitativeWorkDaysRecordedV1,
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
