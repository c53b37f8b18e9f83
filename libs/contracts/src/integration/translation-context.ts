import { mayShareWithWellbeing, type LocalDate, type PathState, type SideServiceKind } from '@polku/domain';

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
  /** Whether the wellbeing county may receive this path's events that day (the domain's one rule). */
  readonly mayShareWithWellbeing: boolean;
}

export function translationContextOf(state: PathState, atDate: LocalDate): TranslationContext {
  if (state.status === 'NONE') throw new Error('A translation context needs a started path: the stream has no PathStarted.');
  return {
    pathId: state.pathId,
    clientReference: state.clientReference,
    employmentArea: state.employmentArea,
    municipality: state.municipality,
    sideServiceKinds: Object.fromEntries(Object.values(state.sideServices).map((service) => [service.serviceId, service.kind])),
    mayShareWithWellbeing: mayShareWithWellbeing(state, atDate),
  };
}
