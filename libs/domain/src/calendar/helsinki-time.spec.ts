import { helsinkiDateOf, helsinkiInstant } from './helsinki-time';

describe('helsinkiDateOf', () => {
  it.each([
    ['2026-03-28T21:59:59.999Z', '2026-03-28', 'winter, +2: 23:59'],
    ['2026-03-28T21:59:59.9999999Z', '2026-03-28', 'extra fraction digits are truncated, not rounded'],
    ['2026-03-28T22:30:00Z', '2026-03-29', 'winter, +2: 00:30 on the spring-forward day'],
    ['2026-03-29T21:30:00Z', '2026-03-30', 'summer from 01:00 UTC, +3: 00:30'],
    ['2026-10-24T21:30:00Z', '2026-10-25', 'still summer, +3: 00:30'],
    ['2026-10-25T21:30:00Z', '2026-10-25', 'winter again, +2: 23:30'],
    ['2026-10-25T22:00:00Z', '2026-10-26', 'winter, +2: midnight'],
    ['2026-06-30T20:59:59Z', '2026-06-30', 'summer, +3: 23:59:59'],
    ['2026-06-30T21:00Z', '2026-07-01', 'summer, +3: midnight'],
    ['2026-12-31T22:00:00.000Z', '2027-01-01', 'New Year in Helsinki before UTC'],
    ['2026-03-29T00:30:00+02:00', '2026-03-29', 'an explicit offset'],
    ['2026-03-28T17:30:00-05:00', '2026-03-29', 'a negative offset'],
  ])('%s → %s (%s)', (instant, expected) => {
    expect(helsinkiDateOf(instant)).toBe(expected);
  });

  it.each(['2026-03-28T22:30:00', '2026-03-28', '2026-02-30T12:00:00Z', '2026-03-28T24:00:00Z', '2026-03-28 22:30Z', 'yesterday'])(
    'rejects %j (no zone, or not a real instant)',
    (text) => {
      expect(() => helsinkiDateOf(text)).toThrow(RangeError);
    },
  );
});

describe('helsinkiInstant', () => {
  it.each([
    ['2026-01-15', 9, 0, '2026-01-15T07:00:00.000Z', 'winter, +2'],
    ['2026-07-15', 9, 0, '2026-07-15T06:00:00.000Z', 'summer, +3'],
    ['2026-03-29', 2, 59, '2026-03-29T00:59:00.000Z', 'just before spring forward'],
    ['2026-03-29', 3, 30, '2026-03-29T01:30:00.000Z', 'nonexistent 03:30 moves to 04:30 EEST'],
    ['2026-03-29', 4, 0, '2026-03-29T01:00:00.000Z', 'first summer hour'],
    ['2026-10-25', 2, 59, '2026-10-24T23:59:00.000Z', 'before the repeated hour'],
    ['2026-10-25', 3, 30, '2026-10-25T00:30:00.000Z', 'ambiguous 03:30: the first (EEST) occurrence'],
    ['2026-10-25', 4, 0, '2026-10-25T02:00:00.000Z', 'first hour after fall back'],
    ['2026-12-24', 0, 0, '2026-12-23T22:00:00.000Z', 'midnight belongs to the previous UTC day'],
  ])('%s %i:%i → %s (%s)', (date, hh, mm, expected) => {
    expect(helsinkiInstant(date, hh, mm)).toBe(expected);
  });

  it('defaults minutes to 0', () => {
    expect(helsinkiInstant('2026-01-15', 16)).toBe('2026-01-15T14:00:00.000Z');
  });

  it.each([[24, 0], [-1, 0], [9, 60], [9.5, 0]])('rejects %i:%i', (hh, mm) => {
    expect(() => helsinkiInstant('2026-01-15', hh, mm)).toThrow(RangeError);
  });
});

describe('Europe/Helsinki against the ICU time-zone database (Intl), 2000–2100', () => {
  const wallClock = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  const intlWallClock = (ms: number): string => wallClock.format(ms).replace(', ', ' ');
  const MS_PER_HOUR = 3_600_000;

  it('gives the same date on both sides of local midnight, summer (21:00Z) and winter (22:00Z), every day', () => {
    const mismatches: string[] = [];
    for (let day = Date.UTC(2000, 0, 1); day < Date.UTC(2101, 0, 1); day += 24 * MS_PER_HOUR) {
      for (const instant of [21, 22].flatMap((hour) => [day + hour * MS_PER_HOUR - 1, day + hour * MS_PER_HOUR])) {
        const iso = new Date(instant).toISOString();
        if (helsinkiDateOf(iso) !== intlWallClock(instant).slice(0, 10)) mismatches.push(iso);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('round-trips every quarter hour of every transition day, and 09:00 on every other day', () => {
    const mismatches: string[] = [];
    let transitionDays = 0;
    for (let day = Date.UTC(2000, 0, 1); day < Date.UTC(2101, 0, 1); day += 24 * MS_PER_HOUR) {
      const date = new Date(day).toISOString().slice(0, 10);
      // Helsinki switches at 01:00 UTC, so a switch day shows a different wall-clock time a UTC day later.
      const transition = intlWallClock(day).slice(11) !== intlWallClock(day + 24 * MS_PER_HOUR).slice(11);
      const springGap = transition && date.slice(5, 7) === '03';
      if (transition) transitionDays += 1;
      const minutes = transition ? Array.from({ length: 96 }, (_, i) => i * 15) : [9 * 60];
      for (const minute of minutes) {
        const [hh, mm] = [Math.floor(minute / 60), minute % 60];
        const wall = `${date} ${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
        const instant = Date.parse(helsinkiInstant(date, hh, mm));
        const firstOccurrence = intlWallClock(instant) === wall && intlWallClock(instant - MS_PER_HOUR) !== wall;
        const pushedPastGap = springGap && hh === 3 && intlWallClock(instant) === `${date} 04:${wall.slice(14)}`;
        if (!firstOccurrence && !pushedPastGap) mismatches.push(wall);
      }
    }
    expect(transitionDays).toBe(2 * 101);
    expect(mismatches).toEqual([]);
  });
});
