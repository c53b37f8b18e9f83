import { easterSunday } from './easter';
import { fiAuthorityHolidayOn, fiAuthorityHolidays, isPublicHoliday } from './fi-authority-holidays';

describe('easterSunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2024, '2024-03-31'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
    [2100, '2100-03-28'],
  ])('%i: %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('FI_AUTHORITY holidays', () => {
  it('lists the 2026 holidays', () => {
    expect(fiAuthorityHolidays(2026)).toEqual([
      { id: 'NEW_YEARS_DAY', date: '2026-01-01' },
      { id: 'EPIPHANY', date: '2026-01-06' },
      { id: 'GOOD_FRIDAY', date: '2026-04-03' },
      { id: 'EASTER_MONDAY', date: '2026-04-06' },
      { id: 'MAY_DAY', date: '2026-05-01' },
      { id: 'ASCENSION_DAY', date: '2026-05-14' },
      { id: 'MIDSUMMER_EVE', date: '2026-06-19' },
      { id: 'MIDSUMMER_DAY', date: '2026-06-20' },
      { id: 'ALL_SAINTS_DAY', date: '2026-10-31' },
      { id: 'INDEPENDENCE_DAY', date: '2026-12-06' },
      { id: 'CHRISTMAS_EVE', date: '2026-12-24' },
      { id: 'CHRISTMAS_DAY', date: '2026-12-25' },
      { id: 'ST_STEPHENS_DAY', date: '2026-12-26' },
    ]);
  });

  it.each([
    ['2024-03-29', 'GOOD_FRIDAY'],
    ['2024-04-01', 'EASTER_MONDAY'],
    ['2024-05-09', 'ASCENSION_DAY'],
    ['2026-05-14', 'ASCENSION_DAY'],
    ['2024-06-21', 'MIDSUMMER_EVE'],
    ['2024-06-22', 'MIDSUMMER_DAY'],
    ['2027-06-25', 'MIDSUMMER_EVE'],
    ['2027-06-26', 'MIDSUMMER_DAY'],
    ['2027-11-06', 'ALL_SAINTS_DAY'],
    ['2025-11-01', 'ALL_SAINTS_DAY'],
    ['2026-12-24', 'CHRISTMAS_EVE'],
  ])('%s is %s', (date, id) => {
    expect(fiAuthorityHolidayOn(date)).toBe(id);
    expect(isPublicHoliday(date)).toBe(true);
  });

  it.each([
    ['2024-03-30', "Easter Saturday"],
    ['2024-03-31', 'Easter Sunday'],
    ['2026-12-31', "New Year's Eve"],
    ['2026-05-25', 'Whit Monday'],
    ['2026-06-18', 'the Thursday before Midsummer'],
    ['2027-11-01', '1 November when All Saints falls later'],
  ])('%s (%s) is not a holiday', (date) => {
    expect(fiAuthorityHolidayOn(date)).toBeUndefined();
    expect(isPublicHoliday(date)).toBe(false);
  });

  it('reports May Day when Ascension Day falls on it (2008)', () => {
    expect(fiAuthorityHolidays(2008).filter((holiday) => holiday.date === '2008-05-01').map((holiday) => holiday.id))
      .toEqual(['MAY_DAY', 'ASCENSION_DAY']);
    expect(fiAuthorityHolidayOn('2008-05-01')).toBe('MAY_DAY');
  });
});
