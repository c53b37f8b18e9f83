import type * as D from '@polku/domain';
import { z } from 'zod';
import { businessId, entityId, freeText, localDate, staffUserId } from './fields';

/*
 * The body of each staff command: the domain command's data, validated at the edge. Each schema
 * is typed against the domain's own type, so the two cannot drift apart.
 */

const EXIT_OUTCOMES = ['EMPLOYED_OPEN_MARKET', 'EMPLOYED_SUBSIDISED', 'ENTREPRENEUR', 'EDUCATION', 'REHABILITATION', 'PENSION_OR_OTHER_LONG_TERM', 'MOVED_AWAY', 'NOT_REACHED', 'OTHER'] as const satisfies readonly D.ExitOutcome[];
const ORGANISER_KINDS = ['COMPANY', 'MUNICIPALITY', 'FOUNDATION', 'ASSOCIATION', 'STATE_AGENCY', 'PRIVATE_PERSON'] as const satisfies readonly D.OrganiserKind[];
const SIDE_SERVICES = ['INDIVIDUAL_COACHING', 'GROUP_COACHING', 'EDUCATION_TRIAL', 'STUDIES', 'REHABILITATIVE_WORK_ACTIVITY'] as const satisfies readonly D.SideServiceKind[];
const WELLBEING_SERVICES = ['WORK_ABILITY_ASSESSMENT', 'REHABILITATIVE_WORK_ACTIVITY', 'MULTISECTORAL_SCREENING'] as const satisfies readonly D.WellbeingServiceKind[];
const CONSENT_AUDIENCES = ['WELLBEING_COUNTY', 'KELA', 'SERVICE_PROVIDER'] as const satisfies readonly D.ConsentAudience[];
const PAUSE_REASONS = ['SICK_LEAVE', 'PARENTAL_LEAVE', 'MILITARY_SERVICE', 'OTHER'] as const satisfies readonly D.PauseReason[];
const NEXT_SERVICES = ['WORK_TRIAL', 'WAGE_SUBSIDY', 'COACHING', 'EDUCATION', 'REHABILITATION', 'OPEN_MARKET_JOB'] as const satisfies readonly D.RecordAssessment['data']['recommendedNextService'][];

export const ENUMS = { EXIT_OUTCOMES, ORGANISER_KINDS, SIDE_SERVICES, WELLBEING_SERVICES, CONSENT_AUDIENCES, PAUSE_REASONS, NEXT_SERVICES } as const;

const texts = (max: number) => z.array(freeText(max)).max(20);

const employmentPlan = z.strictObject({ applicationsPerMonth: z.int().min(0).max(4), goals: texts(500) }) satisfies z.ZodType<D.EmploymentPlan>;

export const consentSchema = z.strictObject({
  audience: z.enum(CONSENT_AUDIENCES),
  scope: freeText(500),
  givenOn: localDate,
  expiresOn: localDate,
}) satisfies z.ZodType<D.Consent>;

type Body<C extends D.PathCommand> = z.ZodType<C['data']>;

export const CommandBodies = {
  HoldInitialInterview: z.strictObject({ heldOn: localDate, serviceNeed: freeText(2000), employmentPlan: employmentPlan.optional() }) satisfies Body<D.HoldInitialInterview>,
  RecordEmploymentPlan: z.strictObject({ recordedOn: localDate, employmentPlan }) satisfies Body<D.RecordEmploymentPlan>,
  StartAssessment: z.strictObject({ startedOn: localDate }) satisfies Body<D.StartAssessment>,
  RecordAssessment: z.strictObject({
    recordedOn: localDate,
    strengths: texts(500),
    ownGoals: texts(500),
    recommendedNextService: z.enum(NEXT_SERVICES),
  }) satisfies Body<D.RecordAssessment>,
  ReferToWellbeingService: z.strictObject({
    referralId: entityId,
    service: z.enum(WELLBEING_SERVICES),
    legalBasis: z.enum(['MULTISECTORAL_SUPPORT', 'CONSENT']),
    referredOn: localDate,
    workCapacityLimitation: z.boolean().optional(),
  }) satisfies Body<D.ReferToWellbeingService>,
  StartWorkTrial: z.strictObject({
    trialId: entityId,
    organiser: z.strictObject({ name: freeText(200), businessId, kind: z.enum(ORGANISER_KINDS), isCurrentEmployer: z.boolean() }),
    tasks: freeText(2000),
    goal: freeText(2000),
    startOn: localDate,
    plannedEndOn: localDate,
    daysPerWeek: z.int().min(1).max(7),
    hoursPerDay: z.number().min(1).max(12),
    agreementReference: freeText(100),
    guide: freeText(200),
  }) satisfies Body<D.StartWorkTrial>,
  ExtendWorkTrial: z.strictObject({ plannedEndOn: localDate }) satisfies Body<D.ExtendWorkTrial>,
  EndWorkTrial: z.strictObject({ endedOn: localDate, result: z.enum(['COMPLETED', 'INTERRUPTED']), organiserFeedback: freeText(2000).optional() }) satisfies Body<D.EndWorkTrial>,
  StartWageSubsidy: z.strictObject({
    subsidyId: entityId,
    employerBusinessId: businessId,
    employerKind: z.enum(ORGANISER_KINDS),
    rate: z.union([z.literal(50), z.literal(70), z.literal(100)]),
    workingTimePercent: z.number().min(1).max(100),
    startOn: localDate,
    endOn: localDate,
  }) satisfies Body<D.StartWageSubsidy>,
  EndWageSubsidy: z.strictObject({ endedOn: localDate }) satisfies Body<D.EndWageSubsidy>,
  StartSideService: z.strictObject({
    serviceId: entityId,
    kind: z.enum(SIDE_SERVICES),
    provider: freeText(200),
    startOn: localDate,
    plannedEndOn: localDate,
    daysPerWeek: z.int().min(1).max(7).optional(),
    hoursPerDay: z.number().min(1).max(12).optional(),
    reviewOn: localDate.optional(),
  }) satisfies Body<D.StartSideService>,
  EndSideService: z.strictObject({ serviceId: entityId, endedOn: localDate }) satisfies Body<D.EndSideService>,
  RecordReport: z.strictObject({
    about: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('COACHING'), serviceId: entityId }),
      z.strictObject({ type: z.literal('WORK_TRIAL'), trialId: entityId }),
    ]),
    kind: z.enum(['START', 'MID', 'FINAL']),
    recordedOn: localDate,
    summary: freeText(4000),
  }) satisfies Body<D.RecordReport>,
  HoldJobSearchDiscussion: z.strictObject({ heldOn: localDate }) satisfies Body<D.HoldJobSearchDiscussion>,
  PausePath: z.strictObject({ reason: z.enum(PAUSE_REASONS) }) satisfies Body<D.PausePath>,
  ResumePath: z.strictObject({}) satisfies Body<D.ResumePath>,
  ReassignCoach: z.strictObject({ coachId: staffUserId }) satisfies Body<D.ReassignCoach>,
  ExitPath: z.strictObject({ outcome: z.enum(EXIT_OUTCOMES), exitedOn: localDate }) satisfies Body<D.ExitPath>,
  RecordFollowUp: z.strictObject({ months: z.int().min(1).max(24), inWorkOrStudy: z.boolean(), recordedOn: localDate }) satisfies Body<D.RecordFollowUp>,
  ReopenPath: z.strictObject({ reopenedOn: localDate, reason: freeText(2000) }) satisfies Body<D.ReopenPath>,
  RecordConsent: z.strictObject({ consent: consentSchema }) satisfies Body<D.RecordConsent>,
  WithdrawConsent: z.strictObject({ audience: z.enum(CONSENT_AUDIENCES) }) satisfies Body<D.WithdrawConsent>,
  MigratePolicy: z.strictObject({ toVersion: z.string().regex(/^[A-Z]{2}-\d{4}\.\d{1,3}$/, 'a policy version such as FI-2026.1') }) satisfies Body<D.MigratePolicy>,
} as const;

export type StaffCommandType = keyof typeof CommandBodies;
