import { domainError } from '../../shared/domain-error';
import type * as C from '../path.commands';
import type { StartedPath } from '../path.state';
import { audienceOfExpiry } from './consent.decision';
import { type Decision, event } from './support';

/**
 * A workflow timer fired. Only a pending item fires, and firing removes it: a second firing
 * of the same item (a replayed or duplicated timer) is rejected, so each fires exactly once.
 */
export function fireScheduledItem(command: C.FireScheduledItem, state: StartedPath): Decision {
  const item = state.schedule[command.data.itemId];
  if (!item) return domainError('SCHEDULE.NOT_PENDING', 'This reminder or deadline is no longer pending.', { itemId: command.data.itemId });
  const { metadata } = command;
  if (item.kind === 'REMINDER') return [event('ReminderIssued', { item }, metadata)];
  if (item.kind === 'ESCALATION') return [event('EscalationRaised', { item }, metadata)];
  if (state.policy.rules[item.rule].onDeadline === 'CONSENT_EXPIRED') {
    return [event('ConsentExpired', { audience: audienceOfExpiry(item), item }, metadata)];
  }
  return [event('DeadlineMissed', { item }, metadata)];
}
