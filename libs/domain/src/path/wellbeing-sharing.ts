import { compareLocalDate, type LocalDate } from '../calendar';
import type { PathEventType } from './path.events';
import type { PathState } from './path.state';
import type { Consent } from './path.types';

/**
 * The one rule on sharing a path with the wellbeing county (DOMAIN.md, "Identity and personal
 * data"): a legal basis — multisectoral support — or the client's written consent in force.
 * The decider, the Kafka translator, the staff API's reads, lists and notifications all ask
 * here.
 */

/**
 * A consent is in force from the day it was given up to the day before it expires: CONSENT-EXPIRY
 * falls due on `expiresOn`, and from that day on sharing to the audience stops.
 */
export function consentInForce(consent: Consent | undefined, on: LocalDate): boolean {
  return consent !== undefined && compareLocalDate(consent.givenOn, on) <= 0 && compareLocalDate(on, consent.expiresOn) < 0;
}

/** The events after which `wellbeingSharingWindow` may change: read models refresh it on these. */
export const WELLBEING_SHARING_EVENTS: readonly PathEventType[] = ['PathStarted', 'ConsentRecorded', 'ConsentWithdrawn', 'ConsentExpired', 'ClientReferredToWellbeingService'];

/** Days on which the path may be shared: `until` is the first day it may not (none: open-ended). */
export interface SharingWindow {
  readonly from: LocalDate;
  readonly until?: LocalDate;
}

/** Multisectoral support opens sharing for good; a wellbeing-county consent for its term. */
export function wellbeingSharingWindow(state: PathState): SharingWindow | undefined {
  if (state.status === 'NONE') return undefined;
  if (state.multisectoralSupport) return { from: state.registeredOn };
  const consent = state.consents.WELLBEING_COUNTY;
  return consent === undefined ? undefined : { from: consent.givenOn, until: consent.expiresOn };
}

/** Whether the wellbeing county may receive or see the path's data on `on`. */
export function mayShareWithWellbeing(state: PathState, on: LocalDate): boolean {
  const window = wellbeingSharingWindow(state);
  return window !== undefined && compareLocalDate(window.from, on) <= 0 && (window.until === undefined || compareLocalDate(on, window.until) < 0);
}
