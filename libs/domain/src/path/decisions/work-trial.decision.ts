import { addMonths, compareLocalDate, isLocalDate, type LocalDate } from '../../calendar';
import { isBusinessId } from '../../shared/business-id';
import { domainError, type DomainError } from '../../shared/domain-error';
import type * as C from '../path.commands';
import type { StartedPath } from '../path.state';
import type { Organiser } from '../path.types';
import { about, cancelled, type Decision, event, firstError, inRange, invalidTransition, notBefore, present, scheduled, validDate } from './support';

const ALLOWED_ORGANISERS: readonly Organiser['kind'][] = ['COMPANY', 'MUNICIPALITY', 'FOUNDATION', 'ASSOCIATION', 'STATE_AGENCY'];

/** A new trial follows a recorded assessment, or an ended earlier trial. */
function readyForTrial(state: StartedPath): boolean {
  if (state.stage === 'ASSESSMENT') return state.assessment?.recordedOn !== undefined;
  return state.stage === 'WORK_TRIAL' && state.workTrial?.endedOn !== undefined;
}

export function startWorkTrial(command: C.StartWorkTrial, state: StartedPath): Decision {
  if (!readyForTrial(state)) return invalidTransition(state.stage, command.type);
  const { data, metadata } = command;
  const { limits } = state.policy;
  const invalid = firstError(
    present('trialId', data.trialId),
    present('organiser.name', data.organiser.name),
    isBusinessId(data.organiser.businessId) ? undefined : domainError('VALIDATION.BUSINESS_ID', 'organiser.businessId is not a valid Finnish business id.', { field: 'organiser.businessId' }),
    validDate('startOn', data.startOn),
    validDate('plannedEndOn', data.plannedEndOn),
    notBefore('plannedEndOn', data.plannedEndOn, data.startOn, 'startOn'),
    inRange('daysPerWeek', data.daysPerWeek, limits.workTrialDaysPerWeek),
    inRange('hoursPerDay', data.hoursPerDay, limits.workTrialHoursPerDay),
    present('agreementReference', data.agreementReference),
    organiserAllowed(data.organiser),
    withinLimit(data.startOn, data.plannedEndOn, limits.workTrialMaxMonths),
  );
  if (invalid) return invalid;
  return [
    event('WorkTrialStarted', data, metadata),
    ...scheduled(state, metadata, [
      { rule: 'WORK-TRIAL-MAX', subject: data.trialId, on: data.startOn },
      { rule: 'WORK-TRIAL-MID', subject: data.trialId, on: data.startOn, periodEnd: data.plannedEndOn },
    ]),
  ];
}

function organiserAllowed(organiser: Organiser): DomainError | undefined {
  if (ALLOWED_ORGANISERS.includes(organiser.kind) && !organiser.isCurrentEmployer) return undefined;
  const reason = organiser.isCurrentEmployer ? 'the client’s current employer' : 'a private person';
  return domainError('WORK_TRIAL.ORGANISER_NOT_ALLOWED', `A work trial cannot be organised by ${reason}.`, { kind: organiser.kind, isCurrentEmployer: organiser.isCurrentEmployer });
}

function withinLimit(startOn: LocalDate, endOn: LocalDate, maxMonths: number): DomainError | undefined {
  if (!isLocalDate(startOn) || !isLocalDate(endOn)) return undefined; // reported by validDate
  const limit = addMonths(startOn, maxMonths);
  return compareLocalDate(endOn, limit) <= 0
    ? undefined
    : domainError('WORK_TRIAL.LIMIT_EXCEEDED', `A work trial may last at most ${maxMonths} months (until ${limit}).`, { limit, requested: endOn });
}

function ongoingTrial(state: StartedPath, type: C.PathCommand['type']): DomainError | undefined {
  if (state.stage === 'WORK_TRIAL' && state.workTrial && !state.workTrial.endedOn) return undefined;
  return domainError('WORK_TRIAL.NOT_ONGOING', 'There is no ongoing work trial.', { stage: state.stage, command: type });
}

export function extendWorkTrial(command: C.ExtendWorkTrial, state: StartedPath): Decision {
  const notOngoing = ongoingTrial(state, command.type);
  if (notOngoing || !state.workTrial) return notOngoing ?? invalidTransition(state.stage, command.type);
  const trial = state.workTrial;
  const { data, metadata } = command;
  const invalid = firstError(
    validDate('plannedEndOn', data.plannedEndOn),
    !isLocalDate(data.plannedEndOn) || compareLocalDate(data.plannedEndOn, trial.plannedEndOn) > 0 ? undefined : domainError('VALIDATION.DATE_ORDER', 'An extension must move the planned end later.', { field: 'plannedEndOn' }),
    withinLimit(trial.startOn, data.plannedEndOn, state.policy.limits.workTrialMaxMonths),
  );
  if (invalid) return invalid;
  return [
    event('WorkTrialExtended', { trialId: trial.trialId, plannedEndOn: data.plannedEndOn }, metadata),
    ...cancelled(state, metadata, 'work trial extended', about('WORK-TRIAL-MID', trial.trialId)),
    ...scheduled(state, metadata, [{ rule: 'WORK-TRIAL-MID', subject: trial.trialId, on: trial.startOn, periodEnd: data.plannedEndOn }]),
  ];
}

export function endWorkTrial(command: C.EndWorkTrial, state: StartedPath): Decision {
  const notOngoing = ongoingTrial(state, command.type);
  if (notOngoing || !state.workTrial) return notOngoing ?? invalidTransition(state.stage, command.type);
  const trial = state.workTrial;
  const { data, metadata } = command;
  const invalid = firstError(validDate('endedOn', data.endedOn), notBefore('endedOn', data.endedOn, trial.startOn, 'the trial start'));
  if (invalid) return invalid;
  const feedbackPending = data.organiserFeedback === undefined || data.organiserFeedback.trim() === '';
  return [
    event('WorkTrialEnded', { ...data, trialId: trial.trialId }, metadata),
    ...cancelled(state, metadata, 'work trial ended', (item) => item.subject === trial.trialId),
    ...(feedbackPending ? scheduled(state, metadata, [{ rule: 'WORK-TRIAL-FEEDBACK', subject: trial.trialId, on: data.endedOn }]) : []),
  ];
}
