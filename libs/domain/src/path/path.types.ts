import type { LocalDate } from '../calendar';

/** A UTC instant as an ISO-8601 string (`2026-01-05T06:00:00.000Z`). */
export type Instant = string;

/*
 * Each closed list of the domain is a value, once: the types are derived from it, and contracts,
 * the API and the console take theirs from here, so a value added here reaches every schema and
 * form (or fails a compatibility test where a published schema may not change).
 */

/** Staff roles (DOMAIN.md "Who uses Polku"); `system` is the engine acting on its own. */
export const STAFF_ROLES = ['intake', 'coach', 'wellbeing', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = StaffRole | 'system';

/** Who acted: recorded on every event (audit trail). Never a name or identity code. */
export interface Actor {
  readonly userId: string;
  readonly role: Role;
}

/** Time and identity come from outside the decider, in every command's metadata. */
export interface CommandMetadata {
  readonly occurredAt: Instant;
  readonly actor: Actor;
  readonly correlationId?: string;
  /**
   * The staff action's id (the API derives it from the request's Idempotency-Key). Every event
   * of the command carries it, so a repeat is recognised across workflow runs and restarts.
   */
  readonly commandId?: string;
}

export type EventMetadata = CommandMetadata;

export const STAGES = ['INTAKE', 'ASSESSMENT', 'WORK_TRIAL', 'WAGE_SUBSIDY'] as const;
export type Stage = (typeof STAGES)[number];

/** The statuses of a started path (path.state.ts). */
export const PATH_STATUSES = ['ACTIVE', 'PAUSED', 'EXITED'] as const;
export type PathStatus = (typeof PATH_STATUSES)[number];

export const EXIT_OUTCOMES = [
  'EMPLOYED_OPEN_MARKET',
  'EMPLOYED_SUBSIDISED',
  'ENTREPRENEUR',
  'EDUCATION',
  'REHABILITATION',
  'PENSION_OR_OTHER_LONG_TERM',
  'MOVED_AWAY',
  'NOT_REACHED',
  'OTHER',
] as const;
export type ExitOutcome = (typeof EXIT_OUTCOMES)[number];

/** "Goal attained" (DOMAIN.md): moved to work, education or another long-term solution. */
export const GOAL_ATTAINED: Readonly<Record<ExitOutcome, boolean>> = {
  EMPLOYED_OPEN_MARKET: true,
  EMPLOYED_SUBSIDISED: true,
  ENTREPRENEUR: true,
  EDUCATION: true,
  REHABILITATION: true,
  PENSION_OR_OTHER_LONG_TERM: true,
  MOVED_AWAY: false,
  NOT_REACHED: false,
  OTHER: false,
};

/**
 * The language a client's own document (initial interview and plan, exit) was written in:
 * Finnish or Swedish in a bilingual municipality (Language Act 423/2003), or English.
 */
export const DOCUMENT_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export const REFERRAL_SOURCES = ['SELF_REGISTRATION', 'KELA', 'WELLBEING_COUNTY', 'EDUCATION_PROVIDER', 'OTHER'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const CONSENT_AUDIENCES = ['WELLBEING_COUNTY', 'KELA', 'SERVICE_PROVIDER'] as const;
export type ConsentAudience = (typeof CONSENT_AUDIENCES)[number];

export interface Consent {
  readonly audience: ConsentAudience;
  readonly scope: string;
  readonly givenOn: LocalDate;
  readonly expiresOn: LocalDate;
}

export const WELLBEING_SERVICE_KINDS = ['WORK_ABILITY_ASSESSMENT', 'REHABILITATIVE_WORK_ACTIVITY', 'MULTISECTORAL_SCREENING'] as const;
export type WellbeingServiceKind = (typeof WELLBEING_SERVICE_KINDS)[number];

export const LEGAL_BASES = ['MULTISECTORAL_SUPPORT', 'CONSENT'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const ORGANISER_KINDS = ['COMPANY', 'MUNICIPALITY', 'FOUNDATION', 'ASSOCIATION', 'STATE_AGENCY', 'PRIVATE_PERSON'] as const;
export type OrganiserKind = (typeof ORGANISER_KINDS)[number];

export interface Organiser {
  readonly name: string;
  readonly businessId: string;
  readonly kind: OrganiserKind;
  /** A work trial may never be organised by the client's current employer. */
  readonly isCurrentEmployer: boolean;
}

export const SIDE_SERVICE_KINDS = ['INDIVIDUAL_COACHING', 'GROUP_COACHING', 'EDUCATION_TRIAL', 'STUDIES', 'REHABILITATIVE_WORK_ACTIVITY'] as const;
export type SideServiceKind = (typeof SIDE_SERVICE_KINDS)[number];

export const REPORT_KINDS = ['START', 'MID', 'FINAL'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** What a report is about: a coaching service or a work trial. */
export const REPORT_SUBJECTS = ['COACHING', 'WORK_TRIAL'] as const;
export type ReportSubject = (typeof REPORT_SUBJECTS)[number];

/** The next service an assessment recommends. */
export const RECOMMENDED_SERVICES = ['WORK_TRIAL', 'WAGE_SUBSIDY', 'COACHING', 'EDUCATION', 'REHABILITATION', 'OPEN_MARKET_JOB'] as const;
export type RecommendedService = (typeof RECOMMENDED_SERVICES)[number];

export const WORK_TRIAL_RESULTS = ['COMPLETED', 'INTERRUPTED'] as const;
export type WorkTrialResult = (typeof WORK_TRIAL_RESULTS)[number];

/** Wage subsidy rates in per cent: 50 (skills gap), 70 (reduced work ability), 100 (associations). */
export const WAGE_SUBSIDY_RATES = [50, 70, 100] as const;
export type WageSubsidyRate = (typeof WAGE_SUBSIDY_RATES)[number];

export const PAUSE_REASONS = ['SICK_LEAVE', 'PARENTAL_LEAVE', 'MILITARY_SERVICE', 'OTHER'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export const AGE_GROUPS = ['UNDER_25', 'FROM_25'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/**
 * The client's age at registration in the bands the programmes report by (the "under-30s" of the
 * municipal trials; under 25 for the youth guarantee). Intake derives it from the identity code,
 * so nothing finer than the band leaves the intake.
 */
export const AGE_BANDS = ['UNDER_25', 'FROM_25_UNDER_30', 'FROM_30'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Whether a band is under 30 at registration (the KPI segment "under-30s"). */
export const isUnder30 = (band: AgeBand): boolean => band !== 'FROM_30';
