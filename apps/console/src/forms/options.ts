import type { PathView, StaffRole } from '@polku/contracts';
import type {
  ConsentAudience,
  EndWorkTrial,
  ExitOutcome,
  LegalBasis,
  OrganiserKind,
  PauseReason,
  RecordAssessment,
  RecordReport,
  ReferralSource,
  ReportKind,
  SideServiceKind,
  Stage,
  WellbeingServiceKind,
} from '@polku/domain';

/**
 * Accepts the list only if it names every member of `T`: a value added to a domain enum is a
 * type error here until the console offers it (and, through OptionValue, labels it).
 */
function allOf<T extends string>() {
  return <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : never)): A => values;
}

export type RecommendedService = RecordAssessment['data']['recommendedNextService'];
export type WorkTrialResult = EndWorkTrial['data']['result'];
export type ReportSubject = RecordReport['data']['about']['type'];
type PathStatus = PathView['status'];

export const EXIT_OUTCOMES = allOf<ExitOutcome>()([
  'EMPLOYED_OPEN_MARKET',
  'EMPLOYED_SUBSIDISED',
  'ENTREPRENEUR',
  'EDUCATION',
  'REHABILITATION',
  'PENSION_OR_OTHER_LONG_TERM',
  'MOVED_AWAY',
  'NOT_REACHED',
  'OTHER',
]);
export const ORGANISER_KINDS = allOf<OrganiserKind>()(['COMPANY', 'MUNICIPALITY', 'FOUNDATION', 'ASSOCIATION', 'STATE_AGENCY', 'PRIVATE_PERSON']);
export const SIDE_SERVICE_KINDS = allOf<SideServiceKind>()(['INDIVIDUAL_COACHING', 'GROUP_COACHING', 'EDUCATION_TRIAL', 'STUDIES', 'REHABILITATIVE_WORK_ACTIVITY']);
export const WELLBEING_SERVICES = allOf<WellbeingServiceKind>()(['WORK_ABILITY_ASSESSMENT', 'REHABILITATIVE_WORK_ACTIVITY', 'MULTISECTORAL_SCREENING']);
export const LEGAL_BASES = allOf<LegalBasis>()(['MULTISECTORAL_SUPPORT', 'CONSENT']);
export const REFERRAL_SOURCES = allOf<ReferralSource>()(['SELF_REGISTRATION', 'KELA', 'WELLBEING_COUNTY', 'EDUCATION_PROVIDER', 'OTHER']);
export const CONSENT_AUDIENCES = allOf<ConsentAudience>()(['WELLBEING_COUNTY', 'KELA', 'SERVICE_PROVIDER']);
export const PAUSE_REASONS = allOf<PauseReason>()(['SICK_LEAVE', 'PARENTAL_LEAVE', 'MILITARY_SERVICE', 'OTHER']);
export const REPORT_KINDS = allOf<ReportKind>()(['START', 'MID', 'FINAL']);
export const REPORT_SUBJECTS = allOf<ReportSubject>()(['COACHING', 'WORK_TRIAL']);
export const WORK_TRIAL_RESULTS = allOf<WorkTrialResult>()(['COMPLETED', 'INTERRUPTED']);
export const RECOMMENDED_SERVICES = allOf<RecommendedService>()(['WORK_TRIAL', 'WAGE_SUBSIDY', 'COACHING', 'EDUCATION', 'REHABILITATION', 'OPEN_MARKET_JOB']);
export const STAGES = allOf<Stage>()(['INTAKE', 'ASSESSMENT', 'WORK_TRIAL', 'WAGE_SUBSIDY']);
export const PATH_STATUSES = allOf<PathStatus>()(['ACTIVE', 'PAUSED', 'EXITED']);
export const STAFF_ROLES = allOf<StaffRole>()(['intake', 'coach', 'wellbeing', 'manager', 'admin']);

/** Every value a select offers; each has a label in every language (i18n `options`). */
export type OptionValue =
  | ExitOutcome
  | OrganiserKind
  | SideServiceKind
  | WellbeingServiceKind
  | LegalBasis
  | ReferralSource
  | ConsentAudience
  | PauseReason
  | ReportKind
  | ReportSubject
  | WorkTrialResult
  | RecommendedService
  | Stage
  | PathStatus
  | StaffRole;

export const WAGE_SUBSIDY_RATES = [50, 70, 100] as const;
export const FOLLOW_UP_MONTHS = [3, 6] as const;
