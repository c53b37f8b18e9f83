import * as D from '@polku/domain';
import { z } from 'zod';
import { businessId, entityId, freeText, localDate, staffUserId } from './fields';

/*
 * The body of each staff command: the domain command's data, validated at the edge. The table is
 * keyed by the domain's staff command types and each schema typed against the domain's own data,
 * so a command added there is a compile error here until it has a body. Lists come from the
 * domain. Bounds are only what holds for every path (working-time.ts): a bound the policy sets
 * (work-trial days and hours, applications a month) is the decider's, which knows the path's policy.
 */

const texts = (max: number) => z.array(freeText(max)).max(20);
/** Optional: records written before the console sent it have none. */
const language = z.enum(D.DOCUMENT_LANGUAGES).optional();
const daysPerWeek = z.int().min(D.SERVICE_DAYS_A_WEEK[0]).max(D.SERVICE_DAYS_A_WEEK[1]);
const hoursPerDay = z.number().positive().max(D.HOURS_A_DAY);

const employmentPlan = z.strictObject({ applicationsPerMonth: z.int().nonnegative(), goals: texts(500) }) satisfies z.ZodType<D.EmploymentPlan>;

export const consentSchema = z.strictObject({
  audience: z.enum(D.CONSENT_AUDIENCES),
  scope: freeText(500),
  givenOn: localDate,
  expiresOn: localDate,
}) satisfies z.ZodType<D.Consent>;

type Body<C extends D.PathCommand> = z.ZodType<C['data']>;
type Bodies = { readonly [T in D.StaffCommandType]: Body<Extract<D.PathCommand, { type: T }>> };

export const CommandBodies = {
  HoldInitialInterview: z.strictObject({ heldOn: localDate, serviceNeed: freeText(2000), employmentPlan: employmentPlan.optional(), language }) satisfies Body<D.HoldInitialInterview>,
  RecordEmploymentPlan: z.strictObject({ recordedOn: localDate, employmentPlan, language }) satisfies Body<D.RecordEmploymentPlan>,
  StartAssessment: z.strictObject({ startedOn: localDate }) satisfies Body<D.StartAssessment>,
  RecordAssessment: z.strictObject({
    recordedOn: localDate,
    strengths: texts(500),
    ownGoals: texts(500),
    recommendedNextService: z.enum(D.RECOMMENDED_SERVICES),
  }) satisfies Body<D.RecordAssessment>,
  ReferToWellbeingService: z.strictObject({
    referralId: entityId,
    service: z.enum(D.WELLBEING_SERVICE_KINDS),
    legalBasis: z.enum(D.LEGAL_BASES),
    referredOn: localDate,
    workCapacityLimitation: z.boolean().optional(),
  }) satisfies Body<D.ReferToWellbeingService>,
  StartWorkTrial: z.strictObject({
    trialId: entityId,
    organiser: z.strictObject({ name: freeText(200), businessId, kind: z.enum(D.ORGANISER_KINDS), isCurrentEmployer: z.boolean() }),
    tasks: freeText(2000),
    goal: freeText(2000),
    startOn: localDate,
    plannedEndOn: localDate,
    daysPerWeek,
    hoursPerDay,
    agreementReference: freeText(100),
    guide: freeText(200),
  }) satisfies Body<D.StartWorkTrial>,
  ExtendWorkTrial: z.strictObject({ plannedEndOn: localDate }) satisfies Body<D.ExtendWorkTrial>,
  EndWorkTrial: z.strictObject({ endedOn: localDate, result: z.enum(D.WORK_TRIAL_RESULTS), organiserFeedback: freeText(2000).optional() }) satisfies Body<D.EndWorkTrial>,
  StartWageSubsidy: z.strictObject({
    subsidyId: entityId,
    employerBusinessId: businessId,
    employerKind: z.enum(D.ORGANISER_KINDS),
    rate: z.literal(D.WAGE_SUBSIDY_RATES),
    workingTimePercent: z.number().min(D.WORKING_TIME_PERCENT[0]).max(D.WORKING_TIME_PERCENT[1]),
    startOn: localDate,
    endOn: localDate,
  }) satisfies Body<D.StartWageSubsidy>,
  EndWageSubsidy: z.strictObject({ endedOn: localDate }) satisfies Body<D.EndWageSubsidy>,
  StartSideService: z.strictObject({
    serviceId: entityId,
    kind: z.enum(D.SIDE_SERVICE_KINDS),
    provider: freeText(200),
    startOn: localDate,
    plannedEndOn: localDate,
    daysPerWeek: daysPerWeek.optional(),
    hoursPerDay: hoursPerDay.optional(),
    reviewOn: localDate.optional(),
  }) satisfies Body<D.StartSideService>,
  EndSideService: z.strictObject({ serviceId: entityId, endedOn: localDate }) satisfies Body<D.EndSideService>,
  // At most 31 days in any month; the period's days a week bound it further in the decider.
  RecordRehabilitativeWorkDays: z.strictObject({
    serviceId: entityId,
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM'),
    realisedDays: z.int().min(0).max(31),
  }) satisfies Body<D.RecordRehabilitativeWorkDays>,
  RecordReport: z.strictObject({
    about: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('COACHING'), serviceId: entityId }),
      z.strictObject({ type: z.literal('WORK_TRIAL'), trialId: entityId }),
    ]),
    kind: z.enum(D.REPORT_KINDS),
    recordedOn: localDate,
    summary: freeText(4000),
  }) satisfies Body<D.RecordReport>,
  HoldJobSearchDiscussion: z.strictObject({ heldOn: localDate }) satisfies Body<D.HoldJobSearchDiscussion>,
  PausePath: z.strictObject({ reason: z.enum(D.PAUSE_REASONS) }) satisfies Body<D.PausePath>,
  ResumePath: z.strictObject({}) satisfies Body<D.ResumePath>,
  ReassignCoach: z.strictObject({ coachId: staffUserId }) satisfies Body<D.ReassignCoach>,
  ExitPath: z.strictObject({ outcome: z.enum(D.EXIT_OUTCOMES), exitedOn: localDate, language }) satisfies Body<D.ExitPath>,
  RecordFollowUp: z.strictObject({ months: z.int().positive(), inWorkOrStudy: z.boolean(), recordedOn: localDate }) satisfies Body<D.RecordFollowUp>,
  ReopenPath: z.strictObject({ reopenedOn: localDate, reason: freeText(2000) }) satisfies Body<D.ReopenPath>,
  RecordConsent: z.strictObject({ consent: consentSchema }) satisfies Body<D.RecordConsent>,
  WithdrawConsent: z.strictObject({ audience: z.enum(D.CONSENT_AUDIENCES) }) satisfies Body<D.WithdrawConsent>,
  MigratePolicy: z.strictObject({ toVersion: z.string().regex(/^[A-Z]{2}-\d{4}\.\d{1,3}$/, 'a policy version such as FI-2026.1') }) satisfies Body<D.MigratePolicy>,
} satisfies Bodies;
