import { addMonths, compareLocalDate, isLocalDate } from '../../calendar';
import { isBusinessId } from '../../shared/business-id';
import { domainError, type DomainError } from '../../shared/domain-error';
import type * as C from '../path.commands';
import type { StartedPath } from '../path.state';
import { WAGE_SUBSIDY_RATES } from '../path.types';
import { WORKING_TIME_PERCENT } from '../working-time';
import { about, cancelled, type Decision, event, firstError, gated, inRange, notBefore, present, scheduled, validDate } from './support';

export function startWageSubsidy(command: C.StartWageSubsidy, state: StartedPath): Decision {
  const { data, metadata } = command;
  const invalid = firstError(
    present('subsidyId', data.subsidyId),
    isBusinessId(data.employerBusinessId) ? undefined : domainError('VALIDATION.BUSINESS_ID', 'employerBusinessId is not a valid Finnish business id.', { field: 'employerBusinessId' }),
    validDate('startOn', data.startOn),
    validDate('endOn', data.endOn),
    notBefore('endOn', data.endOn, data.startOn, 'startOn'),
    inRange('workingTimePercent', data.workingTimePercent, WORKING_TIME_PERCENT),
    rateAllowed(data, state.policy.limits.wageSubsidyFullRateMaxWorkingTimePercent),
    withinMaxPeriod(data, state.policy.limits.wageSubsidyMaxMonths),
  );
  if (invalid) return invalid;
  return [event('WageSubsidyStarted', data, metadata), ...scheduled(state, metadata, [{ rule: 'WAGE-SUBSIDY-END', subject: data.subsidyId, dueOn: data.endOn }])];
}

/** 50 % skills gap, 70 % reduced work ability, 100 % only associations up to a share of full time. */
function rateAllowed(data: C.StartWageSubsidy['data'], fullRateMaxPercent: number): DomainError | undefined {
  if (!(WAGE_SUBSIDY_RATES as readonly number[]).includes(data.rate)) return domainError('WAGE_SUBSIDY.RATE_NOT_ALLOWED', `The rate must be ${WAGE_SUBSIDY_RATES.join(', ')} %.`, { rate: data.rate });
  if (data.rate === 100 && (data.employerKind !== 'ASSOCIATION' || data.workingTimePercent > fullRateMaxPercent)) {
    return domainError('WAGE_SUBSIDY.RATE_NOT_ALLOWED', `A 100 % subsidy is for associations at most ${fullRateMaxPercent} % of full working time.`, {
      rate: 100,
      employerKind: data.employerKind,
      workingTimePercent: data.workingTimePercent,
    });
  }
  return undefined;
}

function withinMaxPeriod(data: C.StartWageSubsidy['data'], maxMonths: number): DomainError | undefined {
  if (!isLocalDate(data.startOn) || !isLocalDate(data.endOn)) return undefined; // reported by validDate
  const limit = addMonths(data.startOn, maxMonths);
  return compareLocalDate(data.endOn, limit) <= 0
    ? undefined
    : domainError('WAGE_SUBSIDY.LIMIT_EXCEEDED', `A subsidy period may last at most ${maxMonths} months.`, { limit, requested: data.endOn });
}

export function endWageSubsidy(command: C.EndWageSubsidy, state: StartedPath): Decision {
  const subsidy = gated(state.wageSubsidy, 'an ongoing wage subsidy');
  const invalid = firstError(validDate('endedOn', command.data.endedOn), notBefore('endedOn', command.data.endedOn, subsidy.startOn, 'the subsidy start'));
  if (invalid) return invalid;
  return [
    event('WageSubsidyEnded', { ...command.data, subsidyId: subsidy.subsidyId }, command.metadata),
    ...cancelled(state, command.metadata, 'wage subsidy ended', about('WAGE-SUBSIDY-END', subsidy.subsidyId)),
  ];
}
