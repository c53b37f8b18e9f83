import { domainError } from '../../shared/domain-error';
import type * as C from '../path.commands';
import type { StartedPath } from '../path.state';
import { about, cancelled, type Decision, event, firstError, notBefore, present, scheduled, validDate } from './support';

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
    ...cancelled(state, metadata, 'consent renewed', about('CONSENT-EXPIRY', consent.audience)),
    ...scheduled({ ...state, fired: state.fired.filter((id) => !id.startsWith(`CONSENT-EXPIRY:${consent.audience}:`)) }, metadata, [
      { rule: 'CONSENT-EXPIRY', subject: consent.audience, dueOn: consent.expiresOn },
    ]),
  ];
}

/** Withdrawing stops sharing at once; its expiry reminders go with it. */
export function withdrawConsent(command: C.WithdrawConsent, state: StartedPath): Decision {
  if (!state.consents[command.data.audience]) return domainError('CONSENT.MISSING', 'No consent for this audience is in force.', { audience: command.data.audience });
  return [
    event('ConsentWithdrawn', command.data, command.metadata),
    ...cancelled(state, command.metadata, 'consent withdrawn', about('CONSENT-EXPIRY', command.data.audience)),
  ];
}
