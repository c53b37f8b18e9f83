import { compareLocalDate, fromEpochDay, isLocalDate, isoWeekday, parseLocalDate, toEpochDay } from './local-date';

describe('LocalDate', () => {
  it.each(['2026-02-28', '2028-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])(
    'accepts the real date %s',
    (text) => {
      expect(isLocalDate(text)).toBe(true);
      expect(parseLocalDate(text)).toBe(text);
    },
  );

  it.each(['2026-02-30', '2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01',
    '2026-1-05', '2026-01-05T00:00', ' 2026-01-05', '20260105', ''])('rejects %j', (text) => {
    expect(isLocalDate(text)).toBe(false);
    expect(() => parseLocalDate(text)).toThrow(RangeError);
  });

  it('rejects non-strings', () => {
    expect(isLocalDate(20260105)).toBe(false);
    expect(isLocalDate(undefined)).toBe(false);
  });

  it('counts epoch days exactly like Date.UTC for every day 1970–2200', () => {
    const mismatches: string[] = [];
    for (let ms = Date.UTC(1970, 0, 1); ms <= Date.UTC(2200, 11, 31); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      const weekday = new Date(ms).getUTCDay() || 7;
      if (toEpochDay(date) * 86_400_000 !== ms || fromEpochDay(ms / 86_400_000) !== date || isoWeekday(date) !== weekday) {
        mismatches.push(date);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('handles dates before 1970 and years below 100 (where Date.UTC would shift to 19xx)', () => {
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(fromEpochDay(toEpochDay('0050-03-01') - 1)).toBe('0050-02-28');
    expect(fromEpochDay(toEpochDay('0400-03-01') - 1)).toBe('0400-02-29');
  });

  it('orders dates', () => {
    expect(compareLocalDate('2026-01-05', '2026-01-06')).toBe(-1);
    expect(compareLocalDate('2026-01-06', '2026-01-06')).toBe(0);
    expect(compareLocalDate('2027-01-01', '2026-12-31')).toBe(1);
    expect(['2026-03-01', '2025-12-31', '2026-02-28'].sort(compareLocalDate)).toEqual(['2025-12-31', '2026-02-28', '2026-03-01']);
  });
});
