import type { PathCommandType } from './path.commands';
import { admits, GATED_TYPES } from './path.gates';
import type { PathState } from './path.state';

// StartPath has its own endpoint; FireScheduledItem comes from the path's timers, never staff.
const STAFF_COMMANDS = GATED_TYPES.filter((type) => type !== 'FireScheduledItem').sort();

/**
 * The commands the staff console offers in `state`, sorted by type: those whose gate in
 * `decide` passes. A command left out is refused by `decide` whatever its data; one offered
 * may still be refused for its data (an unknown service id, a follow-up not yet due).
 */
export function availableCommands(state: PathState): PathCommandType[] {
  if (state.status === 'NONE') return [];
  return STAFF_COMMANDS.filter((type) => admits(type, state));
}
