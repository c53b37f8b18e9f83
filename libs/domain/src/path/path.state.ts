import type { LocalDate } from '../calendar';
import type { PolicyVersion } from '../policy/policy.types';
import type { ScheduledItem } from '../schedule/scheduled-item';
import type * as C from './path.commands';
import type { Consent, ConsentAudience, ExitOutcome, Instant, PathStatus, PauseReason, Stage } from './path.types';

export interface WorkTrial {
  readonly trialId: string;
  readonly organiserBusinessId: string;
  readonly startOn: LocalDate;
  readonly plannedEndOn: LocalDate;
  readonly endedOn?: LocalDate;
}

export interface WageSubsidy {
  readonly subsidyId: string;
  readonly rate: C.StartWageSubsidy['data']['rate'];
  readonly startOn: LocalDate;
  readonly endOn: LocalDate;
  readonly endedOn?: LocalDate;
}

export interface SideService {
  readonly serviceId: string;
  readonly kind: C.StartSideService['data']['kind'];
  readonly startOn: LocalDate;
  readonly plannedEndOn: LocalDate;
  readonly endedOn?: LocalDate;
  /** Rehabilitative work activity: the agreed days a week, the bound of its realised days. */
  readonly daysPerWeek?: number;
}

/** What every started path knows, whatever its status. */
export interface PathCore {
  readonly pathId: string;
  readonly clientReference: string;
  readonly employmentArea: string;
  readonly municipality: string;
  readonly coachId: string;
  readonly registeredOn: LocalDate;
  readonly policy: PolicyVersion;
  readonly version: number;
  readonly stage: Stage;
  readonly interviewHeldOn?: LocalDate;
  readonly employmentPlan?: C.EmploymentPlan;
  readonly assessment?: { readonly startedOn: LocalDate; readonly recordedOn?: LocalDate };
  readonly workTrial?: WorkTrial;
  readonly wageSubsidy?: WageSubsidy;
  readonly sideServices: Readonly<Record<string, SideService>>;
  readonly referrals: readonly string[];
  /** A referral on the multisectoral-support basis was made: a legal basis for sharing with the wellbeing county. */
  readonly multisectoralSupport?: true;
  readonly consents: Readonly<Partial<Record<ConsentAudience, Consent>>>;
  readonly jobSearchDiscussions: number;
  /** Pending reminders, deadlines and escalations by id: the workflow's timers. */
  readonly schedule: Readonly<Record<string, ScheduledItem>>;
  /** Ids of items that already fired: a re-plan never arms them again (exactly once). */
  readonly fired: readonly string[];
}

export interface NoPath {
  readonly status: 'NONE';
  readonly version: 0;
}

export interface ActivePath extends PathCore {
  readonly status: 'ACTIVE';
}

export interface PausedPath extends PathCore {
  readonly status: 'PAUSED';
  readonly pausedAt: Instant;
  readonly pauseReason: PauseReason;
}

export interface ExitedPath extends PathCore {
  readonly status: 'EXITED';
  readonly outcome: ExitOutcome;
  readonly exitedOn: LocalDate;
  readonly followUps: Readonly<Record<string, boolean>>;
}

export type PathState = NoPath | ActivePath | PausedPath | ExitedPath;
export type StartedPath = Exclude<PathState, NoPath>;

// PATH_STATUSES (path.types) lists exactly the statuses above: a state added or removed without
// it fails to compile here.
const LISTED: [StartedPath['status']] extends [PathStatus] ? ([PathStatus] extends [StartedPath['status']] ? true : never) : never = true;
void LISTED;

export const initialPathState: PathState = { status: 'NONE', version: 0 };
