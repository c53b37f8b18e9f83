import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAFF_COMMAND_SPECS } from './staff-commands';

const DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'staff-api.md');

/** The rows of docs/staff-api.md's command table: route and roles, as written there. */
function documentedCommands(): [route: string, roles: string][] {
  const section = readFileSync(DOC, 'utf8').split('### Commands')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `([a-z-]+)` \| ([a-z, ]+) \|/gm)].map((match) => [match[1] ?? '', match[2]?.trim() ?? '']);
}

describe('docs/staff-api.md', () => {
  it('lists every staff command the contract routes, with its roles, in the same order', () => {
    expect(documentedCommands()).toEqual(STAFF_COMMAND_SPECS.map((command) => [command.route, command.roles.join(', ')]));
  });
});
