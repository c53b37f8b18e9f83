import Holidays from 'date-holidays';
import { isBusinessDay } from './business-days';
import { fiAuthorityHolidays, isPublicHoliday, type FiAuthorityHolidayId } from './fi-authority-holidays';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
const NOT_OURS = 'NOT_OURS';

/**
 * Every rule date-holidays emits for FI, mapped to our holiday or explicitly set aside. A rule
 * missing here fails the test, so a package update cannot silently change the oracle.
 */
const ORACLE_RULES: Readonly<Record<string, FiAuthorityHolidayId | typeof NOT_OURS>> = {
  '01-01': 'NEW_YEARS_DAY',
  '01-06': 'EPIPHANY',
  'easter -2': 'GOOD_FRIDAY',
  'easter 1': 'EASTER_MONDAY',
  '05-01': 'MAY_DAY',
  'easter 39': 'ASCENSION_DAY',
  // Type 'bank' in date-holidays; 150/1930 §5 makes it a non-business day for deadlines.
  'friday after 06-19': 'MIDSUMMER_EVE',
  'saturday after 06-20': 'MIDSUMMER_DAY',
  'saturday after 10-31': 'ALL_SAINTS_DAY',
  '12-06': 'INDEPENDENCE_DAY',
  // Type 'bank' in date-holidays; 150/1930 §5 makes it a non-business day for deadlines.
  '12-24': 'CHRISTMAS_EVE',
  '12-25': 'CHRISTMAS_DAY',
  '12-26': 'ST_STEPHENS_DAY',
  // Public holidays that are always Sundays (checked below), so they cannot change a business day.
  easter: NOT_OURS,
  'easter 49': NOT_OURS,
  // Observances (Mother's Day, Father's Day), also always Sundays.
  '2nd sunday in May': NOT_OURS,
  '2nd sunday in November': NOT_OURS,
  // New Year's Eve: type 'bank' in date-holidays, but an ordinary business day for authorities.
  '12-31': NOT_OURS,
};
const ALWAYS_SUNDAY = ['easter', 'easter 49', '2nd sunday in May', '2nd sunday in November'];

interface OracleHoliday {
  readonly rule: string;
  readonly date: string;
}

function oracleHolidays(): OracleHoliday[] {
  const finland = new Holidays('FI');
  const holidays: OracleHoliday[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    // `date` is the local (Europe/Helsinki) start, "YYYY-MM-DD hh:mm:ss".
    holidays.push(...finland.getHolidays(year).map((holiday) => ({ rule: holiday.rule, date: holiday.date.slice(0, 10) })));
  }
  return holidays;
}

function utcWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

describe('FI_AUTHORITY against date-holidays (FI), every day 2000–2100', () => {
  const oracle = oracleHolidays();
  const ours = oracle.filter((holiday) => ORACLE_RULES[holiday.rule] !== NOT_OURS);
  const oracleClosed = new Set(ours.map((holiday) => holiday.date));

  it('knows every rule the package emits', () => {
    const unmapped = [...new Set(oracle.map((holiday) => holiday.rule))].filter((rule) => !(rule in ORACLE_RULES));
    expect(unmapped).toEqual([]);
    expect(new Set(oracle.map((holiday) => holiday.rule)).size).toBe(Object.keys(ORACLE_RULES).length);
  });

  it('sets aside only Sunday holidays and New Year\'s Eve', () => {
    const notSunday = oracle.filter((holiday) => ALWAYS_SUNDAY.includes(holiday.rule) && utcWeekday(holiday.date) !== 0);
    expect(notSunday).toEqual([]);
  });

  it('has the same holidays, by name and date, in every year', () => {
    const key = (id: string, date: string) => `${date} ${id}`;
    const expected = ours.map((holiday) => key(ORACLE_RULES[holiday.rule] ?? '?', holiday.date)).sort();
    const actual: string[] = [];
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
      actual.push(...fiAuthorityHolidays(year).map((holiday) => key(holiday.id, holiday.date)));
    }
    expect(actual.sort()).toEqual(expected);
  });

  it('agrees on isBusinessDay and isPublicHoliday for every single day', () => {
    const mismatches: string[] = [];
    let days = 0;
    for (let ms = Date.UTC(FIRST_YEAR, 0, 1); ms <= Date.UTC(LAST_YEAR, 11, 31); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      const weekday = new Date(ms).getUTCDay();
      const oracleBusinessDay = weekday >= 1 && weekday <= 5 && !oracleClosed.has(date);
      if (isBusinessDay(date) !== oracleBusinessDay || isPublicHoliday(date) !== oracleClosed.has(date)) {
        mismatches.push(date);
      }
      days += 1;
    }
    expect(days).toBe(36_890);
    expect(mismatches).toEqual([]);
  });
});
