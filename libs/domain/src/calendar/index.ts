export {
  type LocalDate,
  type IsoWeekday,
  isLocalDate,
  parseLocalDate,
  compareLocalDate,
  isoWeekday,
} from './local-date';
export { addDays, addMonths, daysBetween } from './date-arithmetic';
export { easterSunday } from './easter';
export {
  type FiAuthorityHoliday,
  type FiAuthorityHolidayId,
  fiAuthorityHolidays,
  fiAuthorityHolidayOn,
  isPublicHoliday,
} from './fi-authority-holidays';
export { isBusinessDay, addBusinessDays, nextBusinessDayOnOrAfter, addCalendarMonthsDeadline, WORKING_DAYS_A_WEEK } from './business-days';
export { helsinkiDateOf, helsinkiInstant } from './helsinki-time';
