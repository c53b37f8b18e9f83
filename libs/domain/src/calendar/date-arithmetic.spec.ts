import { addDays, addMonths, daysBetween } from './date-arithmetic';

describe('addDays', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-05', 0, '2026-01-05'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 366, '2029-01-01'],
  ])('%s, %i days → %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('rejects a fractional count and an impossible date', () => {
    expect(() => addDays('2026-01-05', 1.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('is signed, positive when the second date is later', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(daysBetween('2026-06-19', '2026-06-19')).toBe(0);
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-11-30', 3, '2026-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2026-10-15', 3, '2027-01-15'],
    ['2026-05-31', 0, '2026-05-31'],
    ['2025-08-31', 6, '2026-02-28'],
  ])('%s, %i months → %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('does not carry a clamp forward: two steps of 1 differ from one of 2', () => {
    expect(addMonths(addMonths('2026-01-31', 1), 1)).toBe('2026-03-28');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
  });

  it('rejects a fractional count', () => {
    expect(() => addMonths('2026-01-05', 0.5)).toThrow(RangeError);
  });
});
