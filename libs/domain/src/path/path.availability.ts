import type { PathCommandType } from './path.commands';
import { admits, GATED_TYPES, type GatedType } from './path.gates';
import type { PathState } from './path.state';

/** The commands staff send to a started path: StartPath has its own endpoint, FireScheduledItem comes from the path's timers. */
export type StaffCommandType = Exclude<GatedType, 'FireScheduledItem'>;

/** Every staff command type, sorted: the staff API keys its routes and bodies by these. */
export const STAFF_COMMAND_TYPES: readonly StaffCommandType[] = GATED_TYPES.filter((type): type is StaffCommandType => type !== 'FireScheduledItem').sort();

/**
 * The commands the staff console offers in `state`, sorted by type: those whose gate in
 * `decide` passes. A command left out is refused by `decide` whatever its data; one offered
 * may still be refused for its data (an unknown service id, a follow-up not yet due).
 */
export function availableCommands(state: PathState): PathCommandType[] {
  if (state.status === 'NONE') return [];
  return STAFF_COMMAND_TYPES.filter((type) => admits(type, state));
}
