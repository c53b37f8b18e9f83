import { availableCommands, type PathState } from '@polku/domain';
import type { StaffRole } from './fields';
import { STAFF_COMMAND_SPECS } from './staff-commands';

/** The command routes the path's state allows now and the role may send, in the table's order. */
export function allowedCommands(state: PathState, role: StaffRole): string[] {
  const available = new Set<string>(availableCommands(state));
  return STAFF_COMMAND_SPECS.filter((command) => available.has(command.type) && command.roles.includes(role)).map((command) => command.route);
}
