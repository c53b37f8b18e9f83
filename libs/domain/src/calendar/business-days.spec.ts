import fc from 'fast-check';
import { addBusinessDays, addCalendarMonthsDeadline, isBusinessDay, nextBusinessDayOnOrAfter } from './business-days';
import { addDays } from './date-arithmetic';
import { compareLocalDate, fromEpochDay, toEpochDay, type LocalDate } from './local-date';

describe('isBusinessDay', () => {
  it.each([
    ['2026-12-24', false, 'Christmas Eve on a Thursday'],
    ['2026-12-31', true, "New Year's Eve on a Thursday"],
    ['2026-06-19', false, 'Midsummer Eve, Friday'],
    ['2026-06-18', true, 'the Thursday before Midsummer Eve'],
    ['2026-05-14', false, 'Ascension Day 2026'],
    ['2026-04-03', false, 'Good Friday 2026'],
    ['2026-04-06', false, 'Easter Monday 2026'],
    ['2026-05-25', true, 'Whit Monday is no holiday in Finland'],
    ['2027-11-05', true, 'the Friday before All Saints\' Day'],
    ['2026-12-07', true, 'Monday after Independence Day on a Sunday'],
    ['2026-01-10', false, 'an ordinary Saturday'],
    ['2026-01-12', true, 'an ordinary Monday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['2026-12-22', 5, '2026-12-31', "across Christmas, New Year's Eve counts"],
    ['2026-12-22', 6, '2027-01-04', 'across New Year'],
    ['2027-01-04', -3, '2026-12-29', 'T−3 BD back across New Year'],
    ['2026-04-01', 3, '2026-04-08', 'across Easter'],
    ['2026-04-08', -3, '2026-04-01', 'T−3 BD back across Easter'],
    ['2026-04-07', -1, '2026-04-02', 'T−1 BD over Easter Monday and Good Friday'],
    ['2026-01-09', 10, '2026-01-23', '+10 BD from a Friday'],
    ['2026-05-08', 10, '2026-05-25', '+10 BD from a Friday over Ascension Day'],
    ['2026-01-03', 1, '2026-01-05', 'from a Saturday trigger'],
    ['2026-01-03', 2, '2026-01-07', 'from a Saturday trigger over Epiphany'],
    ['2026-06-20', 1, '2026-06-22', 'from Midsummer Day'],
    ['2026-06-18', 1, '2026-06-22', 'over Midsummer'],
    ['2026-06-19', -1, '2026-06-18', 'back from a non-business trigger'],
    ['2026-01-12', 1, '2026-01-13', 'plain next day'],
  ])('%s, %i BD → %s (%s)', (date, n, expected) => {
    expect(addBusinessDays(date, n)).toBe(expected);
  });

  it('returns the trigger unchanged for 0, business day or not', () => {
    expect(addBusinessDays('2026-12-24', 0)).toBe('2026-12-24');
    expect(addBusinessDays('2026-01-12', 0)).toBe('2026-01-12');
  });

  it('rejects a fractional count and an impossible date', () => {
    expect(() => addBusinessDays('2026-01-12', 2.5)).toThrow(RangeError);
    expect(() => addBusinessDays('2026-02-30', 0)).toThrow(RangeError);
  });
});

describe('nextBusinessDayOnOrAfter', () => {
  it.each([
    ['2026-01-12', '2026-01-12'],
    ['2026-12-24', '2026-12-28'],
    ['2026-06-19', '2026-06-22'],
    ['2027-01-01', '2027-01-04'],
  ])('%s → %s', (date, expected) => {
    expect(nextBusinessDayOnOrAfter(date)).toBe(expected);
  });
});

describe('addCalendarMonthsDeadline', () => {
  it.each([
    ['2025-11-30', 3, '2026-03-02', 'clamped to Sat 28.2, moved to Monday'],
    ['2027-11-30', 3, '2028-02-29', 'leap-year clamp on a Tuesday stays'],
    ['2026-09-24', 3, '2026-12-28', 'Christmas Eve moves past Christmas'],
    ['2026-03-19', 3, '2026-06-22', 'Midsummer Eve moves to Monday'],
    ['2026-01-15', 3, '2026-04-15', 'a business day stays'],
  ])('%s + %i months = %s (%s)', (date, n, expected) => {
    expect(addCalendarMonthsDeadline(date, n)).toBe(expected);
  });
});

describe('addBusinessDays properties', () => {
  const date = fc.integer({ min: toEpochDay('2000-01-01'), max: toEpochDay('2100-12-31') }).map(fromEpochDay);
  const count = fc.integer({ min: -60, max: 60 });

  function businessDaysAfterUpTo(from: LocalDate, to: LocalDate): number {
    let days = 0;
    for (let current = addDays(from, 1); compareLocalDate(current, to) <= 0; current = addDays(current, 1)) {
      if (isBusinessDay(current)) days += 1;
    }
    return days;
  }

  it('lands on a business day on the right side, exactly |n| business days away', () => {
    fc.assert(
      fc.property(date, count.filter((n) => n !== 0), (start, n) => {
        const result = addBusinessDays(start, n);
        expect(isBusinessDay(result)).toBe(true);
        expect(compareLocalDate(result, start)).toBe(Math.sign(n));
        const between = n > 0 ? businessDaysAfterUpTo(start, result) : businessDaysAfterUpTo(addDays(result, -1), addDays(start, -1));
        expect(between).toBe(Math.abs(n));
      }),
    );
  });

  it('is undone by the opposite count from a business day', () => {
    fc.assert(
      fc.property(date.map(nextBusinessDayOnOrAfter), count, (start, n) => {
        expect(addBusinessDays(addBusinessDays(start, n), -n)).toBe(start);
      }),
    );
  });
});
