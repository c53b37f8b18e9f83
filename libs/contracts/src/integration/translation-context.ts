import { compareLocalDate, type LocalDate, type PathState, type SideServiceKind } from '@polku/domain';

/**
 * The path facts the translator needs that an event does not carry itself, as they stand
 * right after that event: fold the stream with the domain `evolve` up to and including the
 * event, then call `translationContextOf(state, <the event's Helsinki date>)`.
 */
export interface TranslationContext {
  readonly pathId: string;
  readonly clientReference: string;
  readonly employmentArea: string;
  readonly municipality: string;
  /** Kinds of the path's side services by id (`SideServiceEnded` names only the id). */
  readonly sideServiceKinds: Readonly<Record<string, SideServiceKind>>;
  /** Why the wellbeing county may receive this path's events (DOMAIN.md, "Identity and personal data"). */
  readonly wellbeingBasis: {
    readonly multisectoral: boolean;
    readonly consentInForce: boolean;
  };
}

export function translationContextOf(state: PathState, atDate: LocalDate): TranslationContext {
  if (state.status === 'NONE') throw new Error('A translation context needs a started path: the stream has no PathStarted.');
  const consent = state.consents.WELLBEING_COUNTY;
  return {
    pathId: state.pathId,
    clientReference: state.clientReference,
    employmentArea: state.employmentArea,
    municipality: state.municipality,
    sideServiceKinds: Object.fromEntries(Object.values(state.sideServices).map((service) => [service.serviceId, service.kind])),
    wellbeingBasis: {
      multisectoral: state.multisectoralSupport === true,
      // In force from the day given up to the day before expiry: CONSENT-EXPIRY fires on
      // `expiresOn`, so an event recorded that day must not be shared either (a late timer
      // does not extend the consent).
      consentInForce: consent !== undefined && compareLocalDate(consent.givenOn, atDate) <= 0 && compareLocalDate(atDate, consent.expiresOn) < 0,
    },
  };
}

export function hasWellbeingBasis(context: TranslationContext): boolean {
  return context.wellbeingBasis.multisectoral || context.wellbeingBasis.consentInForce;
}
