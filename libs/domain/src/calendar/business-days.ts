import { addDays, addMonths } from './date-arithmetic';
import { isPublicHoliday } from './fi-authority-holidays';
import { isoWeekday, parseLocalDate, type LocalDate } from './local-date';

/** The working week: Monday (ISO weekday 1) to Friday. */
export const WORKING_DAYS_A_WEEK = 5;

/** Monday–Friday and not an FI_AUTHORITY holiday. */
export function isBusinessDay(date: LocalDate): boolean {
  return isoWeekday(date) <= WORKING_DAYS_A_WEEK && !isPublicHoliday(date);
}

/**
 * "+n BD": the n-th business day after `date` (n > 0) or the |n|-th before it (n < 0). The
 * trigger date itself never counts, business day or not; n = 0 returns `date` unchanged.
 */
export function addBusinessDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Business days must be an integer, got ${n}`);
  parseLocalDate(date);
  const step = Math.sign(n);
  let current = date;
  for (let remaining = Math.abs(n); remaining > 0; ) {
    current = addDays(current, step);
    if (isBusinessDay(current)) remaining -= 1;
  }
  return current;
}

export function nextBusinessDayOnOrAfter(date: LocalDate): LocalDate {
  let current = date;
  while (!isBusinessDay(current)) current = addDays(current, 1);
  return current;
}

/** A calendar-month deadline: {@link addMonths}, moved forward if it lands on a non-business day. */
export function addCalendarMonthsDeadline(date: LocalDate, n: number): LocalDate {
  return nextBusinessDayOnOrAfter(addMonths(date, n));
}
