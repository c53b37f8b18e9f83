import { formatInstant, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, parseInstant } from './instant';
import {
  daysInMonth,
  epochDayOfParts,
  fromEpochDay,
  isoWeekdayOfEpochDay,
  partsOfEpochDay,
  toEpochDay,
  type LocalDate,
} from './local-date';

const EET_OFFSET_MS = 2 * MS_PER_HOUR;
const EEST_OFFSET_MS = 3 * MS_PER_HOUR;
const EU_SWITCH_UTC_HOUR = 1;

// Intl/tzdata is not available (or not deterministic) in the workflow sandbox, so the EU rule
// in force since 1996 is coded here: summer time from the last Sunday of March 01:00 UTC until
// the last Sunday of October 01:00 UTC.
function lastSundayEpochDay(year: number, month: number): number {
  const lastDay = epochDayOfParts({ year, month, day: daysInMonth(year, month) });
  return lastDay - (isoWeekdayOfEpochDay(lastDay) % 7);
}

function isHelsinkiSummerTime(epochMs: number): boolean {
  const { year } = partsOfEpochDay(Math.floor(epochMs / MS_PER_DAY));
  const switchAt = (month: number) => lastSundayEpochDay(year, month) * MS_PER_DAY + EU_SWITCH_UTC_HOUR * MS_PER_HOUR;
  return epochMs >= switchAt(3) && epochMs < switchAt(10);
}

function helsinkiOffsetMs(epochMs: number): number {
  return isHelsinkiSummerTime(epochMs) ? EEST_OFFSET_MS : EET_OFFSET_MS;
}

/** The Europe/Helsinki calendar date of an ISO instant (which must carry `Z` or an offset). */
export function helsinkiDateOf(instantIso: string): LocalDate {
  const epochMs = parseInstant(instantIso);
  return fromEpochDay(Math.floor((epochMs + helsinkiOffsetMs(epochMs)) / MS_PER_DAY));
}

/**
 * The UTC instant (`…Z`) of wall-clock `hh:mm` on `date` in Europe/Helsinki. Like Temporal's
 * "compatible" disambiguation: an ambiguous autumn time (03:00–03:59 on the last Sunday of
 * October) is its first occurrence (EEST), and a nonexistent spring time (03:00–03:59 on the
 * last Sunday of March) is read with the winter offset, i.e. moved forward by the hour skipped
 * (03:30 → 04:30 EEST), so a deadline set there still fires once, just after the gap.
 */
export function helsinkiInstant(date: LocalDate, hh: number, mm = 0): string {
  if (!Number.isInteger(hh) || hh < 0 || hh > 23 || !Number.isInteger(mm) || mm < 0 || mm > 59) {
    throw new RangeError(`Not a wall-clock time: ${hh}:${mm}`);
  }
  const wallClockAsUtc = toEpochDay(date) * MS_PER_DAY + hh * MS_PER_HOUR + mm * MS_PER_MINUTE;
  const ifSummer = wallClockAsUtc - EEST_OFFSET_MS;
  // Summer reading first: it is the only valid one in summer and the earlier one when ambiguous;
  // when it is invalid the winter reading is either the valid one or (in the gap) the forward shift.
  return formatInstant(isHelsinkiSummerTime(ifSummer) ? ifSummer : wallClockAsUtc - EET_OFFSET_MS);
}
