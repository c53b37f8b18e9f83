import { isLocalDate, toEpochDay } from './local-date';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;

const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * Milliseconds since the Unix epoch of an ISO-8601 instant. The zone designator is required
 * and every field is range-checked here because `Date.parse` reads a zone-less time in the
 * host's zone and rolls impossible dates over (2026-02-30 → 2026-03-02).
 */
export function parseInstant(iso: string): number {
  const match = INSTANT_PATTERN.exec(iso);
  const date = match?.[1];
  if (!match || !isLocalDate(date)) throw new RangeError(`Not an ISO instant with a zone: ${JSON.stringify(iso)}`);
  const field = (group: number): number => Number(match[group] ?? 0);
  const [hours, minutes, seconds, offsetHours, offsetMinutes] = [field(2), field(3), field(4), field(8), field(9)];
  const millis = Number((match[5] ?? '').slice(0, 3).padEnd(3, '0'));
  if (hours > 23 || minutes > 59 || seconds > 59 || offsetHours > 23 || offsetMinutes > 59) {
    throw new RangeError(`Not an ISO instant with a zone: ${JSON.stringify(iso)}`);
  }
  const offset = (match[7] === '-' ? -1 : 1) * (offsetHours * MS_PER_HOUR + offsetMinutes * MS_PER_MINUTE);
  const wallClockMs = hours * MS_PER_HOUR + minutes * MS_PER_MINUTE + seconds * 1000 + millis;
  return toEpochDay(date) * MS_PER_DAY + wallClockMs - offset;
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

