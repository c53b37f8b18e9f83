import type { KpiSegment, PathView, StaffRole } from '@polku/contracts';
import type {
  ConsentAudience,
  DocumentLanguage,
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
import { POLICY_LIMITS } from './policy-limits';

export type RecommendedService = RecordAssessment['data']['recommendedNextService'];
export type WorkTrialResult = EndWorkTrial['data']['result'];
export type ReportSubject = RecordReport['data']['about']['type'];
type PathStatus = PathView['status'];

// The lists are the domain's own: a value added there is offered here, and OptionValue below makes
// it a type error until every language labels it.
export {
  CONSENT_AUDIENCES,
  DOCUMENT_LANGUAGES,
  EXIT_OUTCOMES,
  LEGAL_BASES,
  ORGANISER_KINDS,
  PATH_STATUSES,
  PAUSE_REASONS,
  RECOMMENDED_SERVICES,
  REFERRAL_SOURCES,
  REPORT_KINDS,
  REPORT_SUBJECTS,
  SIDE_SERVICE_KINDS,
  STAFF_ROLES,
  STAGES,
  WAGE_SUBSIDY_RATES,
  WELLBEING_SERVICE_KINDS as WELLBEING_SERVICES,
  WORK_TRIAL_RESULTS,
} from '@polku/domain';

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
  | StaffRole
  | DocumentLanguage
  | KpiSegment;

export { KPI_SEGMENTS } from '@polku/contracts';

/** The follow-up rounds after an exit, in months (the policy in force). */
export const FOLLOW_UP_MONTHS = POLICY_LIMITS.followUpMonths;
