import type { LocalDate } from '../calendar';

/** The rules of DOMAIN.md's deadline table ("COACHING-REPORTS" split into its three reports). */
export const RULE_IDS = [
  'INIT-INTERVIEW',
  'EMPLOYMENT-PLAN',
  'JOB-SEARCH-DISCUSSION',
  'ASSESSMENT-DONE',
  'WORK-TRIAL-MAX',
  'WORK-TRIAL-MID',
  'WORK-TRIAL-FEEDBACK',
  'WAGE-SUBSIDY-END',
  'COACHING-START-REPORT',
  'COACHING-MID-REPORT',
  'COACHING-FINAL-REPORT',
  'REHAB-REVIEW',
  'MULTISECTORAL-SCREEN',
  'FOLLOW-UP',
  'CONSENT-EXPIRY',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Who an escalation or reminder goes to. */
export const RECIPIENTS = ['COACH', 'TEAM_LEAD', 'CONTRACT_MANAGER', 'WELLBEING_COUNTY_LEAD', 'MULTISECTORAL_TEAM'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

/** A distance on the FI_AUTHORITY calendar. Negative values point back in time. */
export type Offset =
  | { readonly businessDays: number }
  | { readonly calendarMonths: number }
  | { readonly calendarDays: number }
  /** Exact seconds from an instant: for drills and tests on a real server, not for law. */
  | { readonly seconds: number };

/**
 * How the due date follows from the trigger date. `given` means the command supplies it
 * (a planned end, an evaluation date from a plan); `midpoint` is half-way through a period.
 */
export type DeadlineSpec = { readonly after: Offset } | { readonly given: true } | { readonly midpoint: true };

export interface EscalationSpec {
  /** Counted from the deadline (`T+1 BD`) or from the trigger (`+2 BD`). */
  readonly from: 'DEADLINE' | 'TRIGGER';
  readonly offset: Offset;
  readonly to: Recipient;
}

export interface RuleSpec {
  readonly deadline: DeadlineSpec;
  /**
   * What the deadline instant (the end of the due day) records: a missed deadline, the expiry
   * of a consent, or nothing when only reminders and escalations matter (a hard limit, a
   * follow-up that is due *on* the day).
   */
  readonly onDeadline: 'MISSED' | 'CONSENT_EXPIRED' | 'NOTHING';
  /** Lead times before the deadline; each becomes one reminder to the coach. */
  readonly reminders: readonly Offset[];
  readonly escalation?: EscalationSpec;
}

export interface PolicyLimits {
  readonly workTrialMaxMonths: number;
  readonly workTrialDaysPerWeek: readonly [number, number];
  readonly workTrialHoursPerDay: readonly [number, number];
  readonly wageSubsidyMaxMonths: number;
  /** 100 % subsidy: associations only, and at most this share of full working time. */
  readonly wageSubsidyFullRateMaxWorkingTimePercent: number;
  readonly educationTrialMaxDays: number;
  readonly rehabMonths: readonly [number, number];
  readonly rehabDaysPerWeek: readonly [number, number];
  readonly rehabMinHoursPerDay: number;
  readonly applicationsPerMonth: readonly [number, number];
  readonly multisectoralScreenMonths: { readonly under25: number; readonly from25: number };
  readonly followUpMonths: readonly number[];
}

/** A complete, effective-dated set of deadline rules and limits. Paths pin one version. */
export interface PolicyVersion {
  readonly id: string;
  readonly validFrom: LocalDate;
  /** Inclusive; absent while the version is in force. */
  readonly validTo?: LocalDate;
  readonly rules: Readonly<Record<RuleId, RuleSpec>>;
  readonly limits: PolicyLimits;
  /** Local Helsinki time of day at which reminders, escalations and due items fire. */
  readonly firingHour: number;
}
