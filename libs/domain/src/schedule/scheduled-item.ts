import type { LocalDate } from '../calendar';
import type { Recipient, RuleId } from '../policy/policy.types';

export const SCHEDULED_ITEM_KINDS = ['REMINDER', 'DEADLINE', 'ESCALATION'] as const;
export type ScheduledItemKind = (typeof SCHEDULED_ITEM_KINDS)[number];

/**
 * One reminder, deadline or escalation the path's workflow keeps a durable timer for.
 * `dueAt` is the UTC instant it fires; `dueOn` the Helsinki date it belongs to.
 */
export interface ScheduledItem {
  /** Deterministic: rule, subject and kind, so the same plan never yields two timers. */
  readonly id: string;
  readonly rule: RuleId;
  readonly kind: ScheduledItemKind;
  /** What the item is about: the path, a work trial, a coaching, a follow-up round… */
  readonly subject: string;
  readonly dueOn: LocalDate;
  readonly dueAt: string;
  readonly notify: Recipient;
}
