import { STAFF_COMMAND_SPECS } from '@polku/contracts';
import { COMMAND_FORMS } from './command-forms';
import { COMMAND_NAMES, isCommandName } from './command-names';

/** The body keys the contract's schema takes (every command body is an object schema). */
const bodyKeys = (body: unknown): string[] => Object.keys((body as { shape: Record<string, unknown> }).shape).sort();

/** The console's commands against the staff API contract (docs/staff-api.md is checked against it in contracts). */
describe('the console’s commands and the staff API contract', () => {
  it('names every route the contract has, in its order, and no other', () => {
    expect([...COMMAND_NAMES]).toEqual(STAFF_COMMAND_SPECS.map((command) => command.route));
  });

  it.each(STAFF_COMMAND_SPECS.filter((command) => isCommandName(command.route)).map((command) => [command.route, command] as const))(
    '%s: the form edits exactly the body the contract takes',
    (route, command) => {
      const form = isCommandName(route) ? COMMAND_FORMS[route] : undefined;
      const edited = new Set(form?.fields.map((field) => field.name.split('.')[0]));
      expect([...edited].sort()).toEqual(bodyKeys(command.body));
    },
  );
});
