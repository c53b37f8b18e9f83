import { compareLocalDate, helsinkiDateOf, helsinkiInstant, isLocalDate, type LocalDate } from '../../calendar';
import type { RuleId } from '../../policy/policy.types';
import { planRule, type Trigger } from '../../schedule/plan';
import type { ScheduledItem } from '../../schedule/scheduled-item';
import { domainError, type DomainError } from '../../shared/domain-error';
import type { PathCommand } from '../path.commands';
import type { PathEvent } from '../path.events';
import type { StartedPath } from '../path.state';
import type { CommandMetadata } from '../path.types';
import { HOURS_A_DAY } from '../working-time';

export type Decision = readonly PathEvent[] | DomainError;

/** Builds an event of `type` with the command's metadata (actor, time, correlation). */
export function event<E extends PathEvent>(type: E['type'], data: E['data'], metadata: CommandMetadata): E {
  return { type, data, metadata } as E;
}

/** A rule triggered by the command; `on` defaults to the command's Helsinki date. */
export type TriggerSpec = Omit<Trigger, 'at' | 'on'> & { readonly on?: LocalDate };

/**
 * Plans the triggers with the path's pinned policy. Items that already fired are never armed
 * again; an empty plan records nothing.
 */
export function scheduled(state: Pick<StartedPath, 'policy' | 'fired'>, metadata: CommandMetadata, triggers: readonly TriggerSpec[]): PathEvent[] {
  const items = triggers.flatMap((trigger) => planRule(state.policy, toTrigger(trigger, metadata, state.policy.firingHour)));
  const fresh = items.filter((item) => !state.fired.includes(item.id));
  return fresh.length === 0 ? [] : [event('DeadlinesScheduled', { items: fresh }, metadata)];
}

// A trigger on a later date than the command (a screening prompt months ahead) counts from
// that date's firing hour; otherwise from the command's own instant.
function toTrigger(spec: TriggerSpec, metadata: CommandMetadata, firingHour: number): Trigger {
  const today = helsinkiDateOf(metadata.occurredAt);
  const on = spec.on ?? today;
  const at = compareLocalDate(on, today) > 0 ? helsinkiInstant(on, firingHour) : metadata.occurredAt;
  return { ...spec, on, at };
}

/** Cancels the pending items that match; nothing when none match. */
export function cancelled(state: StartedPath, metadata: CommandMetadata, reason: string, match: (item: ScheduledItem) => boolean): PathEvent[] {
  const itemIds = Object.values(state.schedule).filter(match).map((item) => item.id);
  return itemIds.length === 0 ? [] : [event('ScheduledItemsCancelled', { itemIds, reason }, metadata)];
}

export const about = (rule: RuleId, subject?: string) => (item: ScheduledItem) =>
  item.rule === rule && (subject === undefined || item.subject === subject);

export function invalidTransition(from: string, command: PathCommand['type']): DomainError {
  return domainError('PATH.INVALID_TRANSITION', `${command} is not allowed when the path is ${from}.`, { from, to: command });
}

/**
 * What the command's gate in `decide` already established (an interview held, a trial
 * ongoing): the handler only narrows the type. Missing here is a bug in the decider, not a
 * rejected command.
 */
export function gated<V>(value: V | undefined, what: string): V {
  if (value === undefined) throw new Error(`decide ran a handler without its gate: expected ${what}.`);
  return value;
}

/** First failing check wins; each check returns an error or undefined. */
export function firstError(...checks: (DomainError | undefined)[]): DomainError | undefined {
  return checks.find((check) => check !== undefined);
}

// The span of dates a path's events may carry: the business-day calendar and the schedules
// computed from a date (months ahead) are defined well inside it.
const EARLIEST_DATE = '1900-01-01';
const LATEST_DATE = '2199-12-31';

export function validDate(field: string, value: string): DomainError | undefined {
  if (isLocalDate(value) && value >= EARLIEST_DATE && value <= LATEST_DATE) return undefined;
  return domainError('VALIDATION.INVALID_DATE', `${field} must be a date (YYYY-MM-DD) from ${EARLIEST_DATE} to ${LATEST_DATE}.`, { field });
}

// `firstError` evaluates every check, so an invalid date reaches here too: its `validDate`
// check reports it, and comparing it would throw.
export function notBefore(field: string, value: LocalDate, earliest: LocalDate, earliestField: string): DomainError | undefined {
  return isLocalDate(value) && isLocalDate(earliest) && compareLocalDate(value, earliest) < 0
    ? domainError('VALIDATION.DATE_ORDER', `${field} cannot be before ${earliestField}.`, { field, earliest: earliestField })
    : undefined;
}

export function inRange(field: string, value: number, [min, max]: readonly [number, number]): DomainError | undefined {
  return Number.isInteger(value) && value >= min && value <= max
    ? undefined
    : domainError('VALIDATION.OUT_OF_RANGE', `${field} must be a whole number from ${min} to ${max}.`, { field, min, max });
}

/** A share of a day in hours, fractions allowed (7.5 hours). */
export function hoursInDay(field: string, value: number): DomainError | undefined {
  return Number.isFinite(value) && value >= 0 && value <= HOURS_A_DAY
    ? undefined
    : domainError('VALIDATION.OUT_OF_RANGE', `${field} must be a number of hours from 0 to ${HOURS_A_DAY}.`, { field, min: 0, max: HOURS_A_DAY });
}

export function present(field: string, value: string | undefined): DomainError | undefined {
  return value !== undefined && value.trim().length > 0 ? undefined : domainError('VALIDATION.REQUIRED', `${field} is required.`, { field });
}
