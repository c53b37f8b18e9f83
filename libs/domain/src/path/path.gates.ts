import { domainError, type DomainError } from '../shared/domain-error';
import { noConsentToWithdraw } from './decisions/consent.decision';
import { isRehabilitative, unknownRehabPeriod } from './decisions/rehabilitative-work-days.decision';
import { isCoaching, reportNotExpected, unknownSideService } from './decisions/side-service.decision';
import { invalidTransition } from './decisions/support';
import type { PathCommand, PathCommandType } from './path.commands';
import type { StartedPath } from './path.state';

/** Every command but StartPath, which is decided on a path that does not exist yet. */
export type GatedType = Exclude<PathCommandType, 'StartPath'>;
type CommandOf<T extends GatedType> = Extract<PathCommand, { type: T }>;

/**
 * Why a command is refused in a state whatever its data. A few refusals quote the command in
 * their facts (which service, which audience), so they come as a function of it; whether to
 * refuse never depends on it — a gate only sees the state.
 */
type Refusal<T extends GatedType> = DomainError | ((command: CommandOf<T>) => DomainError);
type Gate<T extends GatedType> = (state: StartedPath) => Refusal<T> | undefined;

const open = (): undefined => undefined;
const when = (refused: boolean, refusal: DomainError): DomainError | undefined => (refused ? refusal : undefined);

/** A new trial follows a recorded assessment, or an ended earlier trial. */
function readyForTrial(state: StartedPath): boolean {
  if (state.stage === 'ASSESSMENT') return state.assessment?.recordedOn !== undefined;
  return state.stage === 'WORK_TRIAL' && state.workTrial?.endedOn !== undefined;
}

/** A subsidy follows a recorded assessment, an ended trial, or an ended subsidy (renewal). */
function readyForSubsidy(state: StartedPath): boolean {
  if (state.stage === 'ASSESSMENT') return state.assessment?.recordedOn !== undefined;
  if (state.stage === 'WORK_TRIAL') return state.workTrial?.endedOn !== undefined;
  return state.stage === 'WAGE_SUBSIDY' && state.wageSubsidy?.endedOn !== undefined;
}

function ongoingTrial(state: StartedPath, type: 'ExtendWorkTrial' | 'EndWorkTrial'): DomainError | undefined {
  const ongoing = state.stage === 'WORK_TRIAL' && state.workTrial !== undefined && !state.workTrial.endedOn;
  return when(!ongoing, domainError('WORK_TRIAL.NOT_ONGOING', 'There is no ongoing work trial.', { stage: state.stage, command: type }));
}

function exitBlocked(state: StartedPath): DomainError | undefined {
  if (state.status !== 'ACTIVE') return invalidTransition(state.status, 'ExitPath');
  const ongoing = (state.workTrial && !state.workTrial.endedOn) || (state.wageSubsidy && !state.wageSubsidy.endedOn);
  return when(!!ongoing, domainError('PATH.INVALID_TRANSITION', `End the ongoing ${state.stage.toLowerCase().replace('_', ' ')} before the exit.`, { from: state.stage, to: 'EXITED' }));
}

const interviewFirst = (state: StartedPath, message: string, to: string) => when(!state.interviewHeldOn, domainError('PATH.INVALID_TRANSITION', message, { from: state.stage, to }));

/**
 * The state-only preconditions of each command, ahead of its handler. `decide` runs them and
 * the console offers a command only where its gate passes, so the two cannot disagree.
 */
const GATES: { readonly [T in GatedType]: Gate<T> } = {
  HoldInitialInterview: (s) => when(s.stage !== 'INTAKE' || !!s.interviewHeldOn, domainError('PATH.ALREADY_IN_THAT_STATE', 'The initial interview has already been held.', {})),
  RecordEmploymentPlan: (s) => interviewFirst(s, 'The plan is drafted in the initial interview; hold it first.', 'RecordEmploymentPlan'),
  StartAssessment: (s) =>
    s.stage !== 'INTAKE' ? invalidTransition(s.stage, 'StartAssessment') : interviewFirst(s, 'Hold the initial interview before the assessment.', 'ASSESSMENT'),
  RecordAssessment: (s) =>
    s.stage !== 'ASSESSMENT' || !s.assessment
      ? invalidTransition(s.stage, 'RecordAssessment')
      : when(!!s.assessment.recordedOn, domainError('PATH.ALREADY_IN_THAT_STATE', 'The assessment has already been recorded.', {})),
  ReferToWellbeingService: (s) => when(s.stage === 'INTAKE', invalidTransition(s.stage, 'ReferToWellbeingService')),
  StartWorkTrial: (s) => when(!readyForTrial(s), invalidTransition(s.stage, 'StartWorkTrial')),
  ExtendWorkTrial: (s) => ongoingTrial(s, 'ExtendWorkTrial'),
  EndWorkTrial: (s) => ongoingTrial(s, 'EndWorkTrial'),
  StartWageSubsidy: (s) => when(!readyForSubsidy(s), invalidTransition(s.stage, 'StartWageSubsidy')),
  EndWageSubsidy: (s) =>
    when(s.stage !== 'WAGE_SUBSIDY' || !s.wageSubsidy || !!s.wageSubsidy.endedOn, domainError('WAGE_SUBSIDY.NOT_ONGOING', 'There is no ongoing wage subsidy.', { stage: s.stage })),
  StartSideService: (s) => when(s.stage === 'INTAKE', invalidTransition(s.stage, 'StartSideService')),
  EndSideService: (s) => (Object.values(s.sideServices).some((service) => !service.endedOn) ? undefined : unknownSideService),
  // Days are realised before they are recorded: a month may be recorded after the period ended, while paused or after the exit.
  RecordRehabilitativeWorkDays: (s) => (Object.values(s.sideServices).some(isRehabilitative) ? undefined : unknownRehabPeriod),
  // A report is about the path's work trial (ongoing or ended) or one of its coaching services.
  RecordReport: (s) => (s.workTrial || Object.values(s.sideServices).some(isCoaching) ? undefined : reportNotExpected),
  HoldJobSearchDiscussion: (s) => interviewFirst(s, 'Job-search discussions follow the initial interview.', 'HoldJobSearchDiscussion'),
  PausePath: (s) => when(s.status !== 'ACTIVE', invalidTransition(s.status, 'PausePath')),
  ResumePath: (s) => when(s.status !== 'PAUSED', domainError('PATH.NOT_PAUSED', 'The path is not paused.', { status: s.status })),
  ReassignCoach: open,
  ExitPath: exitBlocked,
  RecordFollowUp: (s) => when(s.status !== 'EXITED', invalidTransition(s.status, 'RecordFollowUp')),
  ReopenPath: (s) => when(s.status !== 'EXITED', invalidTransition(s.status, 'ReopenPath')),
  RecordConsent: open,
  WithdrawConsent: (s) => (Object.keys(s.consents).length > 0 ? undefined : noConsentToWithdraw),
  MigratePolicy: open,
  FireScheduledItem: open,
};

/** While paused only these make sense; the rest wait for the resume. */
const WHILE_PAUSED: ReadonlySet<GatedType> = new Set(['ResumePath', 'ReassignCoach', 'RecordConsent', 'WithdrawConsent', 'MigratePolicy', 'RecordRehabilitativeWorkDays']);
/** After the exit: follow-ups, a reopening, and housekeeping. */
const AFTER_EXIT: ReadonlySet<GatedType> = new Set([
  'RecordFollowUp', 'ReopenPath', 'ReassignCoach', 'RecordConsent', 'WithdrawConsent', 'FireScheduledItem', 'MigratePolicy', 'RecordRehabilitativeWorkDays',
]);

function gate<T extends GatedType>(type: T, state: StartedPath): Refusal<T> | undefined {
  if (state.status === 'PAUSED' && !WHILE_PAUSED.has(type)) return domainError('PATH.PAUSED', 'The path is paused; resume it first.', { command: type });
  if (state.status === 'EXITED' && !AFTER_EXIT.has(type)) return invalidTransition('EXITED', type);
  return (GATES[type] as Gate<T>)(state);
}

export const GATED_TYPES = Object.keys(GATES) as readonly GatedType[];

/** The error that refuses `command` in `state` before its handler runs, if any. */
export function refusal(command: Exclude<PathCommand, { type: 'StartPath' }>, state: StartedPath): DomainError | undefined {
  const refused = gate(command.type, state);
  return typeof refused === 'function' ? (refused as (command: PathCommand) => DomainError)(command) : refused;
}

/** Whether a command of `type` passes its gate in `state`: some data of it may be decided. */
export const admits = (type: GatedType, state: StartedPath): boolean => gate(type, state) === undefined;
