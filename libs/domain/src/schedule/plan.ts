import {
  addBusinessDays,
  addCalendarMonthsDeadline,
  addDays,
  addMonths,
  daysBetween,
  helsinkiDateOf,
  helsinkiInstant,
  type LocalDate,
} from '../calendar';
import type { Offset, PolicyVersion, RuleId, RuleSpec } from '../policy/policy.types';
import type { ScheduledItem } from './scheduled-item';

/** When and about what a rule was triggered. `at` is the instant of the triggering command. */
export interface Trigger {
  readonly rule: RuleId;
  readonly subject: string;
  readonly on: LocalDate;
  readonly at: string;
  /** For `given` deadlines: the date the command supplies. */
  readonly dueOn?: LocalDate;
  /** For `midpoint` deadlines: the end of the period that starts at `on`. */
  readonly periodEnd?: LocalDate;
}

interface Point {
  readonly on: LocalDate;
  readonly at: string;
  /** Set for second-precise (drill) offsets: the instant itself is the due moment. */
  readonly exact?: boolean;
}

/**
 * Plans a rule's reminders, deadline and escalation from the policy. Items that would fire
 * at or before the trigger instant are left out: a reminder for the past helps no one.
 */
export function planRule(policy: PolicyVersion, trigger: Trigger): ScheduledItem[] {
  const spec = policy.rules[trigger.rule];
  const deadline = deadlinePoint(spec, trigger);
  const item = (kind: ScheduledItem['kind'], index: number, point: Point, notify: ScheduledItem['notify']): ScheduledItem => ({
    id: `${trigger.rule}:${trigger.subject}:${kind}${kind === 'REMINDER' ? `-${index}` : ''}`,
    rule: trigger.rule,
    kind,
    subject: trigger.subject,
    dueOn: point.on,
    dueAt: point.at,
    notify,
  });
  const items = spec.reminders.map((lead, index) => item('REMINDER', index + 1, shift(policy, deadline, lead), 'COACH'));
  if (spec.onDeadline !== 'NOTHING') items.push(item('DEADLINE', 0, endOfDay(deadline), 'COACH'));
  if (spec.escalation) {
    const from = spec.escalation.from === 'DEADLINE' ? deadline : { on: trigger.on, at: trigger.at };
    items.push(item('ESCALATION', 0, shift(policy, from, spec.escalation.offset), spec.escalation.to));
  }
  return items.filter((planned) => planned.dueAt > trigger.at).sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1));
}

function deadlinePoint(spec: RuleSpec, trigger: Trigger): Point {
  const from = { on: trigger.on, at: trigger.at };
  if ('after' in spec.deadline) return shiftDeadline(from, spec.deadline.after);
  if ('given' in spec.deadline) return { on: required(trigger.dueOn, trigger.rule), at: trigger.at };
  const end = required(trigger.periodEnd, trigger.rule);
  return { on: addDays(trigger.on, Math.floor(daysBetween(trigger.on, end) / 2)), at: trigger.at };
}

// A deadline counted in calendar months that lands on a non-business day moves forward.
function shiftDeadline(from: Point, offset: Offset): Point {
  if ('calendarMonths' in offset) return { on: addCalendarMonthsDeadline(from.on, offset.calendarMonths), at: from.at };
  if ('seconds' in offset) return secondsLater(from, offset.seconds);
  return { on: shiftDate(from.on, offset), at: from.at };
}

/** Reminders and escalations fire at the policy's hour on their Helsinki date. */
function shift(policy: PolicyVersion, from: Point, offset: Offset): Point {
  if ('seconds' in offset) return secondsLater(from, offset.seconds);
  const on = shiftDate(from.on, offset);
  return { on, at: helsinkiInstant(on, policy.firingHour) };
}

function shiftDate(on: LocalDate, offset: Exclude<Offset, { seconds: number }>): LocalDate {
  if ('businessDays' in offset) return addBusinessDays(on, offset.businessDays);
  if ('calendarMonths' in offset) return addMonths(on, offset.calendarMonths);
  return addDays(on, offset.calendarDays);
}

/** A deadline is missed when its due day is over: midnight in Helsinki, or the exact instant. */
function endOfDay(deadline: Point): Point {
  return deadline.exact ? deadline : { on: deadline.on, at: helsinkiInstant(addDays(deadline.on, 1), 0) };
}

function secondsLater(from: Point, seconds: number): Point {
  const at = new Date(Date.parse(from.at) + seconds * 1000).toISOString();
  return { on: helsinkiDateOf(at), at, exact: true };
}

function required(date: LocalDate | undefined, rule: RuleId): LocalDate {
  if (date === undefined) throw new Error(`rule ${rule} needs a date from the command`);
  return date;
}
