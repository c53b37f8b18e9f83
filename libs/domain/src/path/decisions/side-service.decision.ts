import { addMonths, compareLocalDate, daysBetween, isLocalDate } from '../../calendar';
import { domainError, type DomainError } from '../../shared/domain-error';
import type * as C from '../path.commands';
import type { SideService, StartedPath } from '../path.state';
import type { SideServiceKind } from '../path.types';
import { HOURS_A_DAY, SERVICE_DAYS_A_WEEK } from '../working-time';
import { about, cancelled, type Decision, event, firstError, hoursInDay, inRange, notBefore, present, scheduled, type TriggerSpec, validDate } from './support';

const COACHING: readonly SideServiceKind[] = ['INDIVIDUAL_COACHING', 'GROUP_COACHING'];

export const isCoaching = (service: SideService): boolean => COACHING.includes(service.kind);

// The two errors below are also the gates' answers when no service at all could match, so a
// command refused by its gate reads the same as one refused here.
export function unknownSideService(command: C.EndSideService): DomainError {
  return domainError('SIDE_SERVICE.UNKNOWN', 'No ongoing side service has this id.', { serviceId: command.data.serviceId });
}

export function reportNotExpected(command: C.RecordReport): DomainError {
  return domainError('REPORT.NOT_EXPECTED', 'No such report is expected on this path.', { about: command.data.about.type, kind: command.data.kind });
}

export function startSideService(command: C.StartSideService, state: StartedPath): Decision {
  const { data, metadata } = command;
  if (state.sideServices[data.serviceId]) return domainError('SIDE_SERVICE.ALREADY_EXISTS', 'A side service with this id exists.', { serviceId: data.serviceId });
  const invalid = firstError(
    present('serviceId', data.serviceId),
    present('provider', data.provider),
    validDate('startOn', data.startOn),
    validDate('plannedEndOn', data.plannedEndOn),
    notBefore('plannedEndOn', data.plannedEndOn, data.startOn, 'startOn'),
    data.daysPerWeek === undefined ? undefined : inRange('daysPerWeek', data.daysPerWeek, SERVICE_DAYS_A_WEEK),
    data.hoursPerDay === undefined ? undefined : hoursInDay('hoursPerDay', data.hoursPerDay),
    kindLimits(data, state),
  );
  if (invalid) return invalid;
  return [event('SideServiceStarted', data, metadata), ...scheduled(state, metadata, startTriggers(data))];
}

function kindLimits(data: C.StartSideService['data'], state: StartedPath): DomainError | undefined {
  const { limits } = state.policy;
  if (!isLocalDate(data.startOn) || !isLocalDate(data.plannedEndOn)) return undefined; // reported by validDate
  if (data.kind === 'EDUCATION_TRIAL' && daysBetween(data.startOn, data.plannedEndOn) + 1 > limits.educationTrialMaxDays) {
    return domainError('SIDE_SERVICE.LIMIT_EXCEEDED', `An education trial lasts at most ${limits.educationTrialMaxDays} days at a time.`, { limit: limits.educationTrialMaxDays });
  }
  if (data.kind !== 'REHABILITATIVE_WORK_ACTIVITY') return undefined;
  const [minMonths, maxMonths] = limits.rehabMonths;
  const tooShort = compareLocalDate(data.plannedEndOn, addMonths(data.startOn, minMonths)) < 0;
  const tooLong = compareLocalDate(data.plannedEndOn, addMonths(data.startOn, maxMonths)) > 0;
  return firstError(
    tooShort || tooLong ? domainError('SIDE_SERVICE.LIMIT_EXCEEDED', `A rehabilitative work activity period lasts ${minMonths}–${maxMonths} months.`, { min: minMonths, max: maxMonths }) : undefined,
    inRange('daysPerWeek', data.daysPerWeek ?? 0, limits.rehabDaysPerWeek),
    inRange('hoursPerDay', data.hoursPerDay ?? 0, [limits.rehabMinHoursPerDay, HOURS_A_DAY]),
    data.reviewOn === undefined ? domainError('VALIDATION.REQUIRED', 'reviewOn (the evaluation date from the plan) is required.', { field: 'reviewOn' }) : validDate('reviewOn', data.reviewOn),
  );
}

function startTriggers(data: C.StartSideService['data']): TriggerSpec[] {
  if (COACHING.includes(data.kind)) {
    return [
      { rule: 'COACHING-START-REPORT', subject: data.serviceId, on: data.startOn },
      { rule: 'COACHING-MID-REPORT', subject: data.serviceId, on: data.startOn, periodEnd: data.plannedEndOn },
    ];
  }
  if (data.kind === 'REHABILITATIVE_WORK_ACTIVITY' && data.reviewOn) return [{ rule: 'REHAB-REVIEW', subject: data.serviceId, dueOn: data.reviewOn }];
  return [];
}

export function endSideService(command: C.EndSideService, state: StartedPath): Decision {
  const service = state.sideServices[command.data.serviceId];
  if (!service || service.endedOn) return unknownSideService(command);
  const { data, metadata } = command;
  const invalid = firstError(validDate('endedOn', data.endedOn), notBefore('endedOn', data.endedOn, service.startOn, 'the service start'));
  if (invalid) return invalid;
  const coaching = COACHING.includes(service.kind);
  return [
    event('SideServiceEnded', data, metadata),
    ...cancelled(state, metadata, 'side service ended', (item) => item.subject === service.serviceId && item.rule !== 'COACHING-START-REPORT'),
    ...(coaching ? scheduled(state, metadata, [{ rule: 'COACHING-FINAL-REPORT', subject: service.serviceId, on: data.endedOn }]) : []),
  ];
}

const REPORT_RULES = {
  COACHING: { START: 'COACHING-START-REPORT', MID: 'COACHING-MID-REPORT', FINAL: 'COACHING-FINAL-REPORT' },
  WORK_TRIAL: { START: undefined, MID: 'WORK-TRIAL-MID', FINAL: 'WORK-TRIAL-FEEDBACK' },
} as const;

/** Start, mid and final reports of coaching; a trial's mid-point check-in and organiser feedback. */
export function recordReport(command: C.RecordReport, state: StartedPath): Decision {
  const { data, metadata } = command;
  const subject = data.about.type === 'COACHING' ? data.about.serviceId : data.about.trialId;
  const known = data.about.type === 'COACHING' ? COACHING.includes(state.sideServices[subject]?.kind ?? 'STUDIES') : state.workTrial?.trialId === subject;
  const rule = REPORT_RULES[data.about.type][data.kind];
  if (!known || rule === undefined) return reportNotExpected(command);
  const invalid = firstError(validDate('recordedOn', data.recordedOn), present('summary', data.summary));
  if (invalid) return invalid;
  return [event('ReportRecorded', data, metadata), ...cancelled(state, metadata, `${data.kind.toLowerCase()} report recorded`, about(rule, subject))];
}
