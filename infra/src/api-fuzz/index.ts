import { existsSync } from 'node:fs';
import { print, say } from '../log';
import { addTotals, type Totals } from '../test-totals';
import { SCHEMATHESIS, SCHEMATHESIS_VERSION } from '../schemathesis';
import { fuzzAs, type FuzzOptions } from './fuzz-role';
import { countOperations } from './openapi';
import { FAILED_RUN, type RoleResult } from './role-summary';
import { seedPaths, writeConfig } from './seed-paths';
import { readSettings, type FuzzSettings } from './settings';

/**
 * Property-based tests of the running API from its own OpenAPI document (schemathesis), once per
 * role with a dev-issuer token. Only a local API is ever a target: the base URL is 127.0.0.1 (or
 * another loopback address) and passed explicitly, so the document's `servers` cannot send
 * requests elsewhere.
 *
 * Environment (all optional):
 *   POLKU_FUZZ_MAX_EXAMPLES  test cases per operation and phase (default 25)
 *   POLKU_FUZZ_TIMEOUT_S     hard limit per role; the run is killed past it (default 300)
 *   POLKU_FUZZ_ROLES         roles to fuzz as, comma-separated (default coach,admin,anonymous — anonymous has no token: every answer must be 401/403/404)
 *   POLKU_FUZZ_AREA          the tokens' employment area (default "Polku API fuzz", kept apart from other data)
 *   POLKU_FUZZ_CHECKS        schemathesis checks (default not_a_server_error,response_schema_conformance,status_code_conformance)
 *   POLKU_FUZZ_SEED          a seed, to repeat a run
 *   POLKU_FUZZ_PATHS         paths started (as a coach) before the runs, whose ids and client
 *                            references the runs use for most `{pathId}` and `{clientReference}` (default 8)
 *   POLKU_FUZZ_BASE_URL      another local API instance, e.g. http://127.0.0.1:3900 (loopback only)
 *   POLKU_SKIP_API_FUZZ=1    skip the step in `npm test`
 */
export interface FuzzResult {
  readonly code: number;
  readonly line: string;
  /** Generated cases as tests, for `npm test`'s totals line. */
  readonly totals: Totals;
}


/** Runs schemathesis once per role; never throws: every problem becomes a failing result. */
export async function runApiFuzz(options: FuzzOptions = {}): Promise<FuzzResult> {
  let head = `api fuzz (schemathesis ${SCHEMATHESIS_VERSION})`;
  try {
    const settings = readSettings();
    head = `api fuzz (schemathesis ${SCHEMATHESIS_VERSION}, ≤${settings.maxExamples} cases/operation/phase, ≤${settings.timeoutS} s/role)`;
    const { ok, clauses, totals } = await fuzzRoles(settings, options);
    return { code: ok ? 0 : 1, line: `${head}: ${clauses}`, totals };
  } catch (error) {
    return { code: 1, line: `${head}: ✘ ${error instanceof Error ? error.message : String(error)}`, totals: FAILED_RUN };
  }
}

interface RolesOutcome {
  readonly ok: boolean;
  readonly clauses: string;
  readonly totals: Totals;
}

const refused = (clause: string): RolesOutcome => ({ ok: false, clauses: `✘ ${clause}`, totals: FAILED_RUN });

async function fuzzRoles(settings: FuzzSettings, options: FuzzOptions): Promise<RolesOutcome> {
  if (settings.roles.length === 0) return refused('POLKU_FUZZ_ROLES names no role');
  if (!existsSync(SCHEMATHESIS)) return refused(`schemathesis is not installed (${SCHEMATHESIS})`);
  const operations = await countOperations(settings.openapi);
  if (typeof operations === 'string') return refused(operations);
  say(`${settings.openapi}: ${operations} operations; fuzzing as ${settings.roles.join(', ')} (area "${settings.area}")`);

  // Random ids only ever reach "404 not found": give the runs real paths to work on.
  const seeded = await seedPaths(settings.api, settings.area, settings.paths);
  say(seeded.note);
  const config = writeConfig(seeded);
  const results: RoleResult[] = [];
  for (const role of settings.roles) results.push(await fuzzAs(role, settings, config, options));
  return {
    ok: results.every((result) => result.ok),
    clauses: `${results.map((result) => result.summary).join('; ')} [${seeded.note}]`,
    totals: addTotals(...results.map((result) => result.totals)),
  };
}

export function printFuzzSummary(result: FuzzResult | undefined): void {
  if (result) print(result.line);
}
