import type { ScheduledItem } from '../../schedule/scheduled-item';
import { domainError, type DomainError } from '../../shared/domain-error';
import type * as C from '../path.commands';
import type { StartedPath } from '../path.state';
import type { Consent, ConsentAudience } from '../path.types';
import { cancelled, type Decision, event, firstError, notBefore, present, scheduled, type TriggerSpec, validDate } from './support';

/**
 * A consent's expiry items are about that consent: audience and expiry date. A renewal is a
 * new consent with items of its own, so each item still fires at most once.
 */
export function consentExpiryTrigger(consent: Consent): TriggerSpec {
  return { rule: 'CONSENT-EXPIRY', subject: `${consent.audience}@${consent.expiresOn}`, dueOn: consent.expiresOn };
}

export function audienceOfExpiry(item: ScheduledItem): ConsentAudience {
  return item.subject.split('@')[0] as ConsentAudience;
}

const expiryOf = (audience: ConsentAudience) => (item: ScheduledItem) => item.rule === 'CONSENT-EXPIRY' && audienceOfExpiry(item) === audience;

export function recordConsent(command: C.RecordConsent, state: StartedPath): Decision {
  const { consent } = command.data;
  const invalid = firstError(
    present('consent.scope', consent.scope),
    validDate('consent.givenOn', consent.givenOn),
    validDate('consent.expiresOn', consent.expiresOn),
    notBefore('consent.expiresOn', consent.expiresOn, consent.givenOn, 'consent.givenOn'),
  );
  if (invalid) return invalid;
  const { metadata } = command;
  return [
    event('ConsentRecorded', { consent }, metadata),
    ...cancelled(state, metadata, 'consent renewed', expiryOf(consent.audience)),
    ...scheduled(state, metadata, [consentExpiryTrigger(consent)]),
  ];
}

/** Also the gate's answer when no consent at all is in force, so both read the same. */
export function noConsentToWithdraw(command: C.WithdrawConsent): DomainError {
  return domainError('CONSENT.MISSING', 'No consent for this audience is in force.', { audience: command.data.audience });
}

/** Withdrawing stops sharing at once; its expiry reminders go with it. */
export function withdrawConsent(command: C.WithdrawConsent, state: StartedPath): Decision {
  if (!state.consents[command.data.audience]) return noConsentToWithdraw(command);
  return [
    event('ConsentWithdrawn', command.data, command.metadata),
    ...cancelled(state, command.metadata, 'consent withdrawn', expiryOf(command.data.audience)),
  ];
}
