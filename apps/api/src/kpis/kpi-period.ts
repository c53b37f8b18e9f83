import { HttpStatus } from '@nestjs/common';
import type { KpiQuery } from '@polku/contracts';
import { addDays, addMonths, compareLocalDate, helsinkiInstant, isLocalDate, type LocalDate } from '@polku/domain';
import { ApiError } from '../http/api-error';

export interface Period {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/** What a KPI answer counts: a period, and the recording instant its facts are read as of. */
export interface KpiAsked {
  readonly period: Period;
  readonly previousYear: Period;
  /** Facts recorded before this instant count (null: every fact recorded so far). */
  readonly recordedBefore: string | null;
  /** The day an unsettled deadline counts as missed on: the as-of date, else today. */
  readonly judgedOn: LocalDate;
  readonly asOf: LocalDate | null;
}

/** A period longer than this is refused: no programme reports over more, and the query stays bounded. */
const MAX_YEARS = 10;
// The span of dates a path's events may carry (the decider's): nothing is recorded outside it.
const EARLIEST = '1900-01-01';
const LATEST = '2199-12-31';

function invalid(field: string, message: string): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, { code: 'VALIDATION.INVALID_QUERY', message, issues: [{ path: field, message }] });
}

/** `YYYY-MM` as the first (from) or last (to) day of that month; `YYYY-MM-DD` as itself, when it exists. */
function dayOf(value: string, side: 'from' | 'to'): LocalDate {
  // Bounds first: the calendar arithmetic below is defined only within them.
  if (value.slice(0, 7) < EARLIEST.slice(0, 7) || value.slice(0, 7) > LATEST.slice(0, 7)) throw invalid(side, `${side} must be from ${EARLIEST} to ${LATEST}.`);
  const date = value.length === 7 ? (side === 'from' ? `${value}-01` : addDays(addMonths(`${value}-01`, 1), -1)) : value;
  if (!isLocalDate(date)) throw invalid(side, `${side} is not a date that exists.`);
  return date;
}

/**
 * The period and as-of instant of a KPI query, `today` being the Helsinki date. Absent bounds:
 * the current month to date. The comparison is the same days a year earlier (29.2. → 28.2.).
 */
export function kpiAsked(query: Pick<KpiQuery, 'from' | 'to' | 'asOf'>, today: LocalDate): KpiAsked {
  const from = query.from === undefined ? `${today.slice(0, 7)}-01` : dayOf(query.from, 'from');
  const to = query.to === undefined ? today : dayOf(query.to, 'to');
  if (compareLocalDate(from, to) > 0) throw invalid('to', 'to must not be before from.');
  if (compareLocalDate(to, addMonths(from, MAX_YEARS * 12)) >= 0) throw invalid('to', `A period is at most ${MAX_YEARS} years.`);
  const asOf = query.asOf ?? null;
  if (asOf !== null && compareLocalDate(asOf, today) > 0) throw invalid('asOf', 'asOf must not be in the future.');
  if (asOf !== null && asOf < EARLIEST) throw invalid('asOf', `asOf must be from ${EARLIEST} on.`);
  return {
    period: { from, to },
    previousYear: { from: addMonths(from, -12), to: addMonths(to, -12) },
    recordedBefore: asOf === null ? null : helsinkiInstant(addDays(asOf, 1), 0),
    judgedOn: asOf ?? today,
    asOf,
  };
}

/** The months wholly in the period: rehabilitative work activity days are recorded per month. */
export function wholeMonths({ from, to }: Period): { from: string; to: string } | null {
  const first = from.endsWith('-01') ? from.slice(0, 7) : addMonths(`${from.slice(0, 7)}-01`, 1).slice(0, 7);
  const last = addDays(to, 1).endsWith('-01') ? to.slice(0, 7) : addMonths(`${to.slice(0, 7)}-01`, -1).slice(0, 7);
  return first <= last ? { from: first, to: last } : null;
}
