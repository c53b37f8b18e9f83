import type { LocalDate } from '../calendar';

/** A UTC instant as an ISO-8601 string (`2026-01-05T06:00:00.000Z`). */
export type Instant = string;

export type Role = 'intake' | 'coach' | 'wellbeing' | 'manager' | 'admin' | 'system';

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

export type Stage = 'INTAKE' | 'ASSESSMENT' | 'WORK_TRIAL' | 'WAGE_SUBSIDY';

export type ExitOutcome =
  | 'EMPLOYED_OPEN_MARKET'
  | 'EMPLOYED_SUBSIDISED'
  | 'ENTREPRENEUR'
  | 'EDUCATION'
  | 'REHABILITATION'
  | 'PENSION_OR_OTHER_LONG_TERM'
  | 'MOVED_AWAY'
  | 'NOT_REACHED'
  | 'OTHER';

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

export type ReferralSource = 'SELF_REGISTRATION' | 'KELA' | 'WELLBEING_COUNTY' | 'EDUCATION_PROVIDER' | 'OTHER';

export type ConsentAudience = 'WELLBEING_COUNTY' | 'KELA' | 'SERVICE_PROVIDER';

export interface Consent {
  readonly audience: ConsentAudience;
  readonly scope: string;
  readonly givenOn: LocalDate;
  readonly expiresOn: LocalDate;
}

export type WellbeingServiceKind = 'WORK_ABILITY_ASSESSMENT' | 'REHABILITATIVE_WORK_ACTIVITY' | 'MULTISECTORAL_SCREENING';

export type LegalBasis = 'MULTISECTORAL_SUPPORT' | 'CONSENT';

export type OrganiserKind = 'COMPANY' | 'MUNICIPALITY' | 'FOUNDATION' | 'ASSOCIATION' | 'STATE_AGENCY' | 'PRIVATE_PERSON';

export interface Organiser {
  readonly name: string;
  readonly businessId: string;
  readonly kind: OrganiserKind;
  /** A work trial may never be organised by the client's current employer. */
  readonly isCurrentEmployer: boolean;
}

export type SideServiceKind = 'INDIVIDUAL_COACHING' | 'GROUP_COACHING' | 'EDUCATION_TRIAL' | 'STUDIES' | 'REHABILITATIVE_WORK_ACTIVITY';

export type ReportKind = 'START' | 'MID' | 'FINAL';

export type PauseReason = 'SICK_LEAVE' | 'PARENTAL_LEAVE' | 'MILITARY_SERVICE' | 'OTHER';

export type AgeGroup = 'UNDER_25' | 'FROM_25';
