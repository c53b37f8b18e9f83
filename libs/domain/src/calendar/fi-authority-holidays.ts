import { addDays } from './date-arithmetic';
import { easterSunday } from './easter';
import { fromParts, isoWeekday, toParts, type IsoWeekday, type LocalDate } from './local-date';

export type FiAuthorityHolidayId =
  | 'NEW_YEARS_DAY'
  | 'EPIPHANY'
  | 'GOOD_FRIDAY'
  | 'EASTER_MONDAY'
  | 'MAY_DAY'
  | 'ASCENSION_DAY'
  | 'MIDSUMMER_EVE'
  | 'MIDSUMMER_DAY'
  | 'ALL_SAINTS_DAY'
  | 'INDEPENDENCE_DAY'
  | 'CHRISTMAS_EVE'
  | 'CHRISTMAS_DAY'
  | 'ST_STEPHENS_DAY';

export interface FiAuthorityHoliday {
  readonly id: FiAuthorityHolidayId;
  readonly date: LocalDate;
}

const FRIDAY: IsoWeekday = 5;
const SATURDAY: IsoWeekday = 6;

function weekdayOnOrAfter(date: LocalDate, weekday: IsoWeekday): LocalDate {
  return addDays(date, (weekday - isoWeekday(date) + 7) % 7);
}

/**
 * The FI_AUTHORITY holidays of a year (two may share a date: 1.5.2008 was also Ascension Day).
 * Christmas Eve and Midsummer Eve are not statutory public holidays, but the Act on the Calculation of
 * Statutory Time Limits (150/1930, §5) treats them as such, so they are listed here too;
 * New Year's Eve and Easter Saturday are not.
 */
export function fiAuthorityHolidays(year: number): readonly FiAuthorityHoliday[] {
  const on = (month: number, day: number): LocalDate => fromParts({ year, month, day });
  const easter = easterSunday(year);
  return [
    { id: 'NEW_YEARS_DAY', date: on(1, 1) },
    { id: 'EPIPHANY', date: on(1, 6) },
    { id: 'GOOD_FRIDAY', date: addDays(easter, -2) },
    { id: 'EASTER_MONDAY', date: addDays(easter, 1) },
    { id: 'MAY_DAY', date: on(5, 1) },
    { id: 'ASCENSION_DAY', date: addDays(easter, 39) },
    { id: 'MIDSUMMER_EVE', date: weekdayOnOrAfter(on(6, 19), FRIDAY) },
    { id: 'MIDSUMMER_DAY', date: weekdayOnOrAfter(on(6, 20), SATURDAY) },
    { id: 'ALL_SAINTS_DAY', date: weekdayOnOrAfter(on(10, 31), SATURDAY) },
    { id: 'INDEPENDENCE_DAY', date: on(12, 6) },
    { id: 'CHRISTMAS_EVE', date: on(12, 24) },
    { id: 'CHRISTMAS_DAY', date: on(12, 25) },
    { id: 'ST_STEPHENS_DAY', date: on(12, 26) },
  ];
}

/** The FI_AUTHORITY holiday falling on `date`, if any (see {@link fiAuthorityHolidays}). */
export function fiAuthorityHolidayOn(date: LocalDate): FiAuthorityHolidayId | undefined {
  return fiAuthorityHolidays(toParts(date).year).find((holiday) => holiday.date === date)?.id;
}

/** True for every day in {@link fiAuthorityHolidays}, including Christmas Eve and Midsummer Eve. */
export function isPublicHoliday(date: LocalDate): boolean {
  return fiAuthorityHolidayOn(date) !== undefined;
}
