import { helsinkiInstant, type LocalDate } from '../../calendar';
import { policyById } from '../../policy/policy';
import type { PolicyVersion, RuleId } from '../../policy/policy.types';
import type { ScheduledItem, ScheduledItemKind } from '../../schedule/scheduled-item';
import { type DomainError, isDomainError } from '../../shared/domain-error';
import type * as C from '../path.commands';
import { decide } from '../path.decider';
import type { PathEvent } from '../path.events';
import { evolve } from '../path.evolve';
import { initialPathState, type PathState } from '../path.state';
import type { Actor, CommandMetadata, Consent, Organiser } from '../path.types';

/** Test-data builders for the service-path decider: commands, metadata, scheduled items. */

export const COACH: Actor = { userId: 'coach-17', role: 'coach' };
export const ENGINE: Actor = { userId: 'engine', role: 'system' };

/** A command made on a Helsinki date at a wall-clock hour (10:00 unless told). */
export function madeOn(date: LocalDate, hour = 10, actor: Actor = COACH): CommandMetadata {
  return { occurredAt: helsinkiInstant(date, hour), actor };
}

type Data<T extends C.PathCommandType> = Extract<C.PathCommand, { type: T }>['data'];

export function command<T extends C.PathCommandType>(type: T, data: Data<T>, metadata: CommandMetadata): Extract<C.PathCommand, { type: T }> {
  return { type, data, metadata } as Extract<C.PathCommand, { type: T }>;
}

export const CONSENT_WELLBEING: Consent = { audience: 'WELLBEING_COUNTY', scope: 'work-ability assessment', givenOn: '2026-01-07', expiresOn: '2027-06-30' };
export const ORGANISER: Organiser = { name: 'Hämeen Konepaja Oy', businessId: '0737546-2', kind: 'COMPANY', isCurrentEmployer: false };

export const startPath = (registeredOn: LocalDate, data: Partial<Data<'StartPath'>> = {}, metadata = madeOn(registeredOn)) =>
  command('StartPath', {
    pathId: 'path-1',
    clientReference: 'cref_0123456789abcdef',
    employmentArea: 'EA-HAMEENLINNA',
    municipality: 'Hattula',
    referralSource: 'SELF_REGISTRATION',
    registeredOn,
    coachId: 'coach-17',
    consents: [],
    ...data,
  }, metadata);

export const holdInitialInterview = (heldOn: LocalDate, data: Partial<Data<'HoldInitialInterview'>> = {}) =>
  command('HoldInitialInterview', { heldOn, serviceNeed: 'work trial towards logistics', employmentPlan: { applicationsPerMonth: 4, goals: ['forklift licence'] }, ...data }, madeOn(heldOn));

export const recordEmploymentPlan = (recordedOn: LocalDate, applicationsPerMonth = 3) =>
  command('RecordEmploymentPlan', { recordedOn, employmentPlan: { applicationsPerMonth, goals: ['warehouse work'] } }, madeOn(recordedOn));

export const startAssessment = (startedOn: LocalDate) => command('StartAssessment', { startedOn }, madeOn(startedOn));

export const recordAssessment = (recordedOn: LocalDate) =>
  command('RecordAssessment', { recordedOn, strengths: ['reliable'], ownGoals: ['steady job'], recommendedNextService: 'WORK_TRIAL' }, madeOn(recordedOn));

export const referToWellbeingService = (referredOn: LocalDate, data: Partial<Data<'ReferToWellbeingService'>> = {}) =>
  command('ReferToWellbeingService', { referralId: 'ref-1', service: 'WORK_ABILITY_ASSESSMENT', legalBasis: 'MULTISECTORAL_SUPPORT', referredOn, ...data }, madeOn(referredOn));

export const startWorkTrial = (startOn: LocalDate, plannedEndOn: LocalDate, data: Partial<Data<'StartWorkTrial'>> = {}) =>
  command('StartWorkTrial', {
    trialId: 'wt-1',
    organiser: ORGANISER,
    tasks: 'warehouse picking',
    goal: 'test the fit for logistics',
    startOn,
    plannedEndOn,
    daysPerWeek: 4,
    hoursPerDay: 6,
    agreementReference: 'TK-2026-001',
    guide: 'foreman',
    ...data,
  }, madeOn(startOn));

export const extendWorkTrial = (on: LocalDate, plannedEndOn: LocalDate) => command('ExtendWorkTrial', { plannedEndOn }, madeOn(on));

/** `null` feedback: the organiser's written feedback is still to come. */
export const endWorkTrial = (endedOn: LocalDate, organiserFeedback: string | null = 'good fit') =>
  command('EndWorkTrial', { endedOn, result: 'COMPLETED', ...(organiserFeedback === null ? {} : { organiserFeedback }) }, madeOn(endedOn));

export const startWageSubsidy = (startOn: LocalDate, endOn: LocalDate, data: Partial<Data<'StartWageSubsidy'>> = {}) =>
  command('StartWageSubsidy', { subsidyId: 'ws-1', employerBusinessId: '0737546-2', employerKind: 'COMPANY', rate: 50, workingTimePercent: 100, startOn, endOn, ...data }, madeOn(startOn));

export const endWageSubsidy = (endedOn: LocalDate) => command('EndWageSubsidy', { endedOn }, madeOn(endedOn));

export const startSideService = (startOn: LocalDate, plannedEndOn: LocalDate, data: Partial<Data<'StartSideService'>> = {}) =>
  command('StartSideService', { serviceId: 'ss-1', kind: 'EDUCATION_TRIAL', provider: 'HAMK', startOn, plannedEndOn, ...data }, madeOn(startOn));

export const endSideService = (endedOn: LocalDate, serviceId = 'ss-1') => command('EndSideService', { serviceId, endedOn }, madeOn(endedOn));

export const recordRehabilitativeWorkDays = (on: LocalDate, month: string, realisedDays: number, serviceId = 'rehab-1') =>
  command('RecordRehabilitativeWorkDays', { serviceId, month, realisedDays }, madeOn(on));

export const recordReport = (recordedOn: LocalDate, about: Data<'RecordReport'>['about'], kind: Data<'RecordReport'>['kind']) =>
  command('RecordReport', { about, kind, recordedOn, summary: 'on track' }, madeOn(recordedOn));

export const holdJobSearchDiscussion = (heldOn: LocalDate) => command('HoldJobSearchDiscussion', { heldOn }, madeOn(heldOn));
export const pausePath = (on: LocalDate, hour = 10) => command('PausePath', { reason: 'SICK_LEAVE' }, madeOn(on, hour));
export const resumePath = (on: LocalDate, hour = 10) => command('ResumePath', {}, madeOn(on, hour));
export const reassignCoach = (on: LocalDate, coachId = 'coach-42') => command('ReassignCoach', { coachId }, madeOn(on));
export const exitPath = (exitedOn: LocalDate, outcome: Data<'ExitPath'>['outcome'] = 'EMPLOYED_OPEN_MARKET') => command('ExitPath', { outcome, exitedOn }, madeOn(exitedOn));
export const recordFollowUp = (recordedOn: LocalDate, months: number) => command('RecordFollowUp', { months, inWorkOrStudy: true, recordedOn }, madeOn(recordedOn));
export const reopenPath = (reopenedOn: LocalDate) => command('ReopenPath', { reopenedOn, reason: 'lost the job' }, madeOn(reopenedOn));
export const recordConsent = (on: LocalDate, consent: Consent) => command('RecordConsent', { consent }, madeOn(on));
export const withdrawConsent = (on: LocalDate, audience: Consent['audience']) => command('WithdrawConsent', { audience }, madeOn(on));
export const migratePolicy = (on: LocalDate, toVersion: string) => command('MigratePolicy', { toVersion }, madeOn(on));

/** A version of the default catalogue by id; a test that names a missing one fails here. */
export function policy(id: string): PolicyVersion {
  const found = policyById(id);
  if (!found) throw new Error(`no policy version ${id}`);
  return found;
}

/** The engine's command when an item's timer fires at `occurredAt`. */
export const fire = (itemId: string, occurredAt: string) =>
  command('FireScheduledItem', { itemId, rule: itemId.split(':')[0] as RuleId }, { occurredAt, actor: ENGINE });

/**
 * A scheduled item from its id (`RULE:subject:KIND[-n]`), Helsinki due date and UTC due instant.
 */
export function item(id: string, dueOn: LocalDate, dueAt: string, notify: ScheduledItem['notify'] = 'COACH'): ScheduledItem {
  const [rule, subject, kind] = id.split(':') as [RuleId, string, string];
  return { id, rule, kind: kind.split('-')[0] as ScheduledItemKind, subject, dueOn, dueAt, notify };
}

export interface Given {
  readonly state: PathState;
  readonly events: readonly PathEvent[];
}

/** Decides and folds each command in turn; a rejected command fails the test at once. */
export function given(...commands: readonly C.PathCommand[]): Given {
  return commands.reduce<Given>(
    ({ state, events }, next) => {
      const decision = decide(next, state);
      if (isDomainError(decision)) throw new Error(`given: ${next.type} was rejected: ${decision.code} ${JSON.stringify(decision.facts)}`);
      return { state: decision.reduce(evolve, state), events: [...events, ...decision] };
    },
    { state: initialPathState, events: [] },
  );
}

/** The events of one decision that must succeed (fails loudly otherwise). */
export function accepted(state: PathState, next: C.PathCommand): readonly PathEvent[] {
  const decision = decide(next, state);
  if (isDomainError(decision)) throw new Error(`${next.type} was rejected: ${decision.code} ${JSON.stringify(decision.facts)}`);
  return decision;
}

/**
 * The code and facts of a rejection, or the event types when the command was accepted. Fails
 * loudly if deciding changed the state it was given.
 */
export function rejection(state: PathState, next: C.PathCommand): Pick<DomainError, 'code' | 'facts'> | { accepted: string[] } {
  const before = JSON.stringify(state);
  const decision = decide(next, state);
  if (JSON.stringify(state) !== before) throw new Error(`deciding ${next.type} changed the state`);
  return isDomainError(decision) ? { code: decision.code, facts: decision.facts } : { accepted: decision.map((e) => e.type) };
}

/** The same command with some of its data replaced (an invalid date, an out-of-range number). */
export const withData = <Cmd extends C.PathCommand>(cmd: Cmd, data: Partial<Cmd['data']>): Cmd => ({ ...cmd, data: { ...cmd.data, ...data } });

/** Builds expected events with the metadata of the command that causes them. */
export const eventsAt =
  (metadata: CommandMetadata) =>
  <T extends PathEvent['type']>(type: T, data: Extract<PathEvent, { type: T }>['data']) =>
    ({ type, data, metadata }) as Extract<PathEvent, { type: T }>;

/** One client's path through every stage of the default template, in 2026 (policy FI-2026.1). */
export const STEP = {
  start: startPath('2026-01-07', { consents: [CONSENT_WELLBEING] }),
  interview: holdInitialInterview('2026-01-12'),
  assessment: startAssessment('2026-01-13'),
  assessed: recordAssessment('2026-02-03'),
  trial: startWorkTrial('2026-02-09', '2026-05-08'),
  trialEnded: endWorkTrial('2026-05-08'),
  subsidy: startWageSubsidy('2026-05-11', '2026-10-09'),
  subsidyEnded: endWageSubsidy('2026-10-09'),
  exit: exitPath('2026-10-12'),
  pause: pausePath('2026-01-20'),
} as const;

const S = STEP;
/** The commands that lead to each state the decider tables start from. */
export const STATES = {
  NONE: [],
  INTAKE: [S.start],
  INTERVIEWED: [S.start, S.interview],
  ASSESSMENT_STARTED: [S.start, S.interview, S.assessment],
  ASSESSMENT_RECORDED: [S.start, S.interview, S.assessment, S.assessed],
  WORK_TRIAL_ONGOING: [S.start, S.interview, S.assessment, S.assessed, S.trial],
  WORK_TRIAL_ENDED: [S.start, S.interview, S.assessment, S.assessed, S.trial, S.trialEnded],
  WAGE_SUBSIDY_ONGOING: [S.start, S.interview, S.assessment, S.assessed, S.trial, S.trialEnded, S.subsidy],
  WAGE_SUBSIDY_ENDED: [S.start, S.interview, S.assessment, S.assessed, S.trial, S.trialEnded, S.subsidy, S.subsidyEnded],
  PAUSED: [S.start, S.interview, S.assessment, S.pause],
  EXITED: [S.start, S.interview, S.assessment, S.assessed, S.trial, S.trialEnded, S.subsidy, S.subsidyEnded, S.exit],
} satisfies Record<string, readonly C.PathCommand[]>;

export type StateName = keyof typeof STATES;
export const stateOf = (name: StateName): PathState => given(...STATES[name]).state;
