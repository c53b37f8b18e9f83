import { addMonths, compareLocalDate, isLocalDate, type LocalDate } from '../../calendar';
import { isBusinessId } from '../../shared/business-id';
import { domainError, type DomainError } from '../../shared/domain-error';
import type * as C from '../path.commands';
import type { StartedPath } from '../path.state';
import { ORGANISER_KINDS, type Organiser } from '../path.types';
import { about, cancelled, type Decision, event, firstError, gated, inRange, notBefore, present, scheduled, validDate } from './support';

/** DOMAIN.md: a work trial is organised by anyone but a private person (or the current employer). */
const ALLOWED_ORGANISERS: readonly Organiser['kind'][] = ORGANISER_KINDS.filter((kind) => kind !== 'PRIVATE_PERSON');

export function startWorkTrial(command: C.StartWorkTrial, state: StartedPath): Decision {
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

export function extendWorkTrial(command: C.ExtendWorkTrial, state: StartedPath): Decision {
  const trial = gated(state.workTrial, 'an ongoing work trial');
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
  const trial = gated(state.workTrial, 'an ongoing work trial');
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
