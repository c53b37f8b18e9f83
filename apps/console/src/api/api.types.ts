import type { ExitOutcome, PathEventType, RuleId, ScheduledItemKind, Stage } from '@polku/domain';

// The staff API's answers as the console reads them (docs/staff-api.md). Only the fields the
// pages show are named; the OpenAPI document at /docs/openapi.json is the full contract.

export type StaffRole = 'intake' | 'coach' | 'wellbeing' | 'manager' | 'admin';
export type PathStatus = 'ACTIVE' | 'PAUSED' | 'EXITED';

export interface Me {
  readonly userId: string;
  readonly role: StaffRole;
  readonly employmentArea: string;
}

export interface TokenAnswer {
  readonly accessToken: string;
  readonly tokenType: string;
  readonly expiresIn: number;
}

export interface ApiIssue {
  readonly path: string;
  readonly message: string;
}

export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly ApiIssue[];
}

export interface PathView {
  readonly pathId: string;
  readonly status: PathStatus;
  readonly stage: Stage;
  readonly municipality: string;
  readonly employmentArea?: string;
  readonly coachId: string;
  readonly registeredOn: string;
  readonly outcome?: ExitOutcome;
  readonly exitedOn?: string;
  /** The path's pending reminders, deadlines and escalations (as the API serves them today). */
  readonly pendingItems?: readonly Deadline[];
}

export type IdentityView = { readonly status: 'HELD'; readonly masked: string } | { readonly status: 'ERASED'; readonly erasedAt: string };

export interface TimelineEntry {
  readonly type: PathEventType;
  readonly occurredAt: string;
  readonly actor?: { readonly userId: string; readonly role: string };
  readonly version?: number;
}

export interface Deadline {
  readonly itemId: string;
  readonly pathId?: string;
  readonly subject?: string;
  readonly notify?: string;
  readonly rule: RuleId;
  readonly kind: ScheduledItemKind;
  readonly dueOn: string;
  readonly dueAt: string;
  readonly status?: string;
}

export interface PathSummary {
  readonly pathId: string;
  readonly status: PathStatus;
  readonly stage: Stage;
  readonly municipality: string;
  readonly coachId: string;
  readonly registeredOn: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string | null;
}

export interface PathDetail {
  readonly path: PathView;
  readonly identity: IdentityView | null;
  readonly timeline: readonly TimelineEntry[];
  /** docs/staff-api.md names this field; the API serves the same items as `path.pendingItems`. */
  readonly deadlines?: readonly Deadline[];
  readonly allowedCommands: readonly string[];
}

export interface CommandAnswer {
  readonly path: PathView;
  readonly allowedCommands: readonly string[];
}

export interface StartPathAnswer extends CommandAnswer {
  readonly pathId: string;
  readonly identity: IdentityView;
}

export interface Notification {
  readonly notificationId: string;
  readonly pathId: string;
  readonly rule: RuleId;
  readonly kind: ScheduledItemKind;
  readonly dueAt: string;
  readonly createdAt?: string;
  readonly readAt?: string | null;
}

export interface KpiMonth {
  readonly month: string;
  readonly municipality: string;
  readonly clientsServed: number;
  readonly newClients?: number;
  readonly activePaths?: number;
  readonly exits?: number;
  readonly goalAttainedExits?: number;
  readonly goalAttainedShare: number | null;
}

export interface KpiExits {
  readonly month: string;
  readonly municipality: string;
  readonly outcome: ExitOutcome;
  readonly exits: number;
}

export interface Kpis {
  readonly monthly: readonly KpiMonth[];
  readonly exitsByOutcome: readonly KpiExits[];
}
