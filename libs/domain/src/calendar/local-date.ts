/** A calendar date in Europe/Helsinki, `YYYY-MM-DD`. */
export type LocalDate = string;

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function matchParts(text: string): DateParts | undefined {
  const match = LOCAL_DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isLocalDate(text: unknown): text is LocalDate {
  return typeof text === 'string' && matchParts(text) !== undefined;
}

/** Throws `RangeError` on anything but a real `YYYY-MM-DD` date (2026-02-30 is rejected). */
export function parseLocalDate(text: string): LocalDate {
  toParts(text);
  return text;
}

export function toParts(date: LocalDate): DateParts {
  const parts = matchParts(date);
  if (!parts) throw new RangeError(`Not a LocalDate (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parts;
}

export function fromParts({ year, month, day }: DateParts): LocalDate {
  if (year < 1 || year > 9999) throw new RangeError(`Year ${year} does not fit a LocalDate`);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Days since 1970-01-01 (proleptic Gregorian), by integer arithmetic rather than `Date.UTC`,
 * which silently maps years 0–99 to 1900–1999. Algorithm: H. Hinnant, "chrono-compatible
 * low-level date algorithms".
 */
export function epochDayOfParts({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function partsOfEpochDay(epochDay: number): DateParts {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function toEpochDay(date: LocalDate): number {
  return epochDayOfParts(toParts(date));
}

export function fromEpochDay(epochDay: number): LocalDate {
  return fromParts(partsOfEpochDay(epochDay));
}

export function isoWeekdayOfEpochDay(epochDay: number): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((epochDay + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

export function isoWeekday(date: LocalDate): IsoWeekday {
  return isoWeekdayOfEpochDay(toEpochDay(date));
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareLocalDate(a: LocalDate, b: LocalDate): number {
  return Math.sign(toEpochDay(a) - toEpochDay(b));
}
