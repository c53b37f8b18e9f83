import { addDays, compareLocalDate, helsinkiDateOf, isoWeekday, type LocalDate } from '../../calendar';
import { domainError, type DomainError } from '../../shared/domain-error';
import type * as C from '../path.commands';
import type { SideService, StartedPath } from '../path.state';
import { SERVICE_DAYS_A_WEEK } from '../working-time';
import { type Decision, event, firstError } from './support';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEKDAYS_A_WEEK = 5;

/** The gate's answer too: the path has no rehabilitative work activity period at all. */
export function unknownRehabPeriod(command: C.RecordRehabilitativeWorkDays): DomainError {
  return domainError('SIDE_SERVICE.UNKNOWN', 'No rehabilitative work activity period has this id.', { serviceId: command.data.serviceId });
}

export const isRehabilitative = (service: SideService): boolean => service.kind === 'REHABILITATIVE_WORK_ACTIVITY';

/**
 * Realised days of one month of a rehabilitative work activity period. The month must overlap
 * the period and may not lie in the future; the days may not exceed what the period's days a
 * week allow in the part of the month that lies in the period and has already passed.
 */
export function recordRehabilitativeWorkDays(command: C.RecordRehabilitativeWorkDays, state: StartedPath): Decision {
  const { data, metadata } = command;
  const service = state.sideServices[data.serviceId];
  if (!service || !isRehabilitative(service)) return unknownRehabPeriod(command);
  const span = monthSpan(data.month);
  if (!span) return domainError('VALIDATION.INVALID_DATE', 'month must be a calendar month (YYYY-MM).', { field: 'month' });
  const today = helsinkiDateOf(metadata.occurredAt);
  const from = later(span.first, service.startOn);
  // No day after the period's end, the path's exit or today can have been realised.
  const ends = [span.last, service.endedOn ?? service.plannedEndOn, today, ...(state.status === 'EXITED' ? [state.exitedOn] : [])];
  const until = ends.reduce(earlier);
  if (compareLocalDate(from, until) > 0) {
    return domainError('VALIDATION.OUT_OF_RANGE', 'The month lies outside the period, or has not begun yet.', { field: 'month', min: service.startOn.slice(0, 7), max: (service.endedOn ?? service.plannedEndOn).slice(0, 7) });
  }
  const max = maxRealisedDays(from, until, service.daysPerWeek ?? SERVICE_DAYS_A_WEEK[1]);
  const invalid = firstError(
    Number.isInteger(data.realisedDays) && data.realisedDays >= 0 && data.realisedDays <= max
      ? undefined
      : domainError('VALIDATION.OUT_OF_RANGE', `realisedDays must be a whole number from 0 to ${max}: the period's days a week in the month.`, { field: 'realisedDays', min: 0, max }),
  );
  if (invalid) return invalid;
  return [event('RehabilitativeWorkDaysRecorded', data, metadata)];
}

/**
 * The most days a period of `daysPerWeek` days a week can be realised on from `from` to `until`
 * (inclusive): in each calendar week, its days a week or its working days (Mon–Fri) in the span,
 * whichever is fewer.
 */
export function maxRealisedDays(from: LocalDate, until: LocalDate, daysPerWeek: number): number {
  const weekdaysByWeek = new Map<LocalDate, number>();
  for (let day = from; compareLocalDate(day, until) <= 0; day = addDays(day, 1)) {
    const weekday = isoWeekday(day);
    if (weekday > WEEKDAYS_A_WEEK) continue;
    const monday = addDays(day, 1 - weekday);
    weekdaysByWeek.set(monday, (weekdaysByWeek.get(monday) ?? 0) + 1);
  }
  return [...weekdaysByWeek.values()].reduce((sum, weekdays) => sum + Math.min(weekdays, daysPerWeek), 0);
}

function monthSpan(month: string): { first: LocalDate; last: LocalDate } | undefined {
  const match = MONTH.exec(month);
  if (!match) return undefined;
  const [year, monthNumber] = [Number(match[1]), Number(match[2])];
  const first = `${month}-01`;
  const next = monthNumber === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${match[1]}-${String(monthNumber + 1).padStart(2, '0')}-01`;
  return { first, last: addDays(next, -1) };
}

const later = (a: LocalDate, b: LocalDate): LocalDate => (compareLocalDate(a, b) >= 0 ? a : b);
const earlier = (a: LocalDate, b: LocalDate): LocalDate => (compareLocalDate(a, b) <= 0 ? a : b);
