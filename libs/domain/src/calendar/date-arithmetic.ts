import { daysInMonth, fromEpochDay, fromParts, toEpochDay, toParts, type LocalDate } from './local-date';

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/** Calendar days; `n` may be negative. */
export function addDays(date: LocalDate, n: number): LocalDate {
  assertInteger(n, 'Days');
  return fromEpochDay(toEpochDay(date) + n);
}

/** Signed number of calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/**
 * Keeps the day of month, clamped to the last day of a shorter month
 * (2025-11-30 + 3 = 2026-02-28, 2027-11-30 + 3 = 2028-02-29); `n` may be negative.
 */
export function addMonths(date: LocalDate, n: number): LocalDate {
  assertInteger(n, 'Months');
  const { year, month, day } = toParts(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return fromParts({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}
