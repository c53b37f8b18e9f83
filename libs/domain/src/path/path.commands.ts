import type { LocalDate } from '../calendar';
import type { RuleId } from '../policy/policy.types';
import type {
  AgeBand,
  AgeGroup,
  CommandMetadata,
  Consent,
  ConsentAudience,
  DocumentLanguage,
  ExitOutcome,
  LegalBasis,
  Organiser,
  PauseReason,
  RecommendedService,
  ReferralSource,
  ReportKind,
  SideServiceKind,
  WageSubsidyRate,
  WellbeingServiceKind,
  WorkTrialResult,
} from './path.types';

type Command<Type extends string, Data> = { readonly type: Type; readonly data: Data; readonly metadata: CommandMetadata };

export interface EmploymentPlan {
  /** Job applications a month the client must send: default 4, set individually 0–4. */
  readonly applicationsPerMonth: number;
  readonly goals: readonly string[];
}

export type StartPath = Command<'StartPath', {
  readonly pathId: string;
  readonly clientReference: string;
  readonly employmentArea: string;
  readonly municipality: string;
  readonly referralSource: ReferralSource;
  readonly registeredOn: LocalDate;
  readonly coachId: string;
  readonly consents: readonly Consent[];
  /** For the multisectoral screening prompt; both optional. */
  readonly unemployedSince?: LocalDate;
  readonly ageGroup?: AgeGroup;
  /** Age at registration as a band (the KPI segments); intake derives it, absent on older paths. */
  readonly ageBand?: AgeBand;
}>;
export type HoldInitialInterview = Command<'HoldInitialInterview', {
  readonly heldOn: LocalDate;
  readonly serviceNeed: string;
  readonly employmentPlan?: EmploymentPlan;
  /** The language the interview notes and plan were written in (absent on older records). */
  readonly language?: DocumentLanguage;
}>;
export type RecordEmploymentPlan = Command<'RecordEmploymentPlan', { readonly recordedOn: LocalDate; readonly employmentPlan: EmploymentPlan; readonly language?: DocumentLanguage }>;
export type StartAssessment = Command<'StartAssessment', { readonly startedOn: LocalDate }>;
export type RecordAssessment = Command<'RecordAssessment', {
  readonly recordedOn: LocalDate;
  readonly strengths: readonly string[];
  readonly ownGoals: readonly string[];
  readonly recommendedNextService: RecommendedService;
}>;
export type ReferToWellbeingService = Command<'ReferToWellbeingService', {
  readonly referralId: string;
  readonly service: WellbeingServiceKind;
  readonly legalBasis: LegalBasis;
  readonly referredOn: LocalDate;
  /** Work-capacity summary only, never diagnoses (special-category data). */
  readonly workCapacityLimitation?: boolean;
}>;
export type StartWorkTrial = Command<'StartWorkTrial', {
  readonly trialId: string;
  readonly organiser: Organiser;
  readonly tasks: string;
  readonly goal: string;
  readonly startOn: LocalDate;
  readonly plannedEndOn: LocalDate;
  readonly daysPerWeek: number;
  readonly hoursPerDay: number;
  readonly agreementReference: string;
  readonly guide: string;
}>;
export type ExtendWorkTrial = Command<'ExtendWorkTrial', { readonly plannedEndOn: LocalDate }>;
export type EndWorkTrial = Command<'EndWorkTrial', { readonly endedOn: LocalDate; readonly result: WorkTrialResult; readonly organiserFeedback?: string }>;
export type StartWageSubsidy = Command<'StartWageSubsidy', {
  readonly subsidyId: string;
  readonly employerBusinessId: string;
  readonly employerKind: Organiser['kind'];
  readonly rate: WageSubsidyRate;
  readonly workingTimePercent: number;
  readonly startOn: LocalDate;
  readonly endOn: LocalDate;
}>;
export type EndWageSubsidy = Command<'EndWageSubsidy', { readonly endedOn: LocalDate }>;
export type StartSideService = Command<'StartSideService', {
  readonly serviceId: string;
  readonly kind: SideServiceKind;
  readonly provider: string;
  readonly startOn: LocalDate;
  readonly plannedEndOn: LocalDate;
  readonly daysPerWeek?: number;
  readonly hoursPerDay?: number;
  /** Rehabilitative work activity: the evaluation date from its plan. */
  readonly reviewOn?: LocalDate;
}>;
export type EndSideService = Command<'EndSideService', { readonly serviceId: string; readonly endedOn: LocalDate }>;
/**
 * The wellbeing county (or the coach on its behalf) records the days a rehabilitative work
 * activity period was realised in one calendar month. A later record of the same month replaces it.
 */
export type RecordRehabilitativeWorkDays = Command<'RecordRehabilitativeWorkDays', {
  readonly serviceId: string;
  /** The calendar month, `YYYY-MM`. */
  readonly month: string;
  readonly realisedDays: number;
}>;
export type RecordReport = Command<'RecordReport', {
  readonly about: { readonly type: 'COACHING'; readonly serviceId: string } | { readonly type: 'WORK_TRIAL'; readonly trialId: string };
  readonly kind: ReportKind;
  readonly recordedOn: LocalDate;
  readonly summary: string;
}>;
export type HoldJobSearchDiscussion = Command<'HoldJobSearchDiscussion', { readonly heldOn: LocalDate }>;
export type PausePath = Command<'PausePath', { readonly reason: PauseReason }>;
export type ResumePath = Command<'ResumePath', Record<string, never>>;
export type ReassignCoach = Command<'ReassignCoach', { readonly coachId: string }>;
export type ExitPath = Command<'ExitPath', { readonly outcome: ExitOutcome; readonly exitedOn: LocalDate; readonly language?: DocumentLanguage }>;
export type RecordFollowUp = Command<'RecordFollowUp', { readonly months: number; readonly inWorkOrStudy: boolean; readonly recordedOn: LocalDate }>;
export type ReopenPath = Command<'ReopenPath', { readonly reopenedOn: LocalDate; readonly reason: string }>;
export type RecordConsent = Command<'RecordConsent', { readonly consent: Consent }>;
export type WithdrawConsent = Command<'WithdrawConsent', { readonly audience: ConsentAudience }>;
/** Moves a running path to a newer policy version; pending items keep their dates. */
export type MigratePolicy = Command<'MigratePolicy', { readonly toVersion: string }>;
/** Internal: a durable timer of the path's workflow fired. */
export type FireScheduledItem = Command<'FireScheduledItem', { readonly itemId: string; readonly rule: RuleId }>;

export type PathCommand =
  | StartPath
  | HoldInitialInterview
  | RecordEmploymentPlan
  | StartAssessment
  | RecordAssessment
  | ReferToWellbeingService
  | StartWorkTrial
  | ExtendWorkTrial
  | EndWorkTrial
  | StartWageSubsidy
  | EndWageSubsidy
  | StartSideService
  | EndSideService
  | RecordRehabilitativeWorkDays
  | RecordReport
  | HoldJobSearchDiscussion
  | PausePath
  | ResumePath
  | ReassignCoach
  | ExitPath
  | RecordFollowUp
  | ReopenPath
  | RecordConsent
  | WithdrawConsent
  | MigratePolicy
  | FireScheduledItem;

export type PathCommandType = PathCommand['type'];
