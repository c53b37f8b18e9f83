import { join } from 'node:path';
import { DATA, HOST, LOGS, Ports } from '../layout';
import { loopbackBase } from '../local-api';
import { NO_RIGHTS } from './no-rights';

export const WORK_DIR = join(DATA, 'schemathesis'); // its .hypothesis example database, .schemathesis state, the run's config
export const REPORT_DIR = join(LOGS, 'schemathesis');
const DEFAULT_CHECKS = 'not_a_server_error,response_schema_conformance,status_code_conformance';

/** The run's POLKU_FUZZ_* settings (listed in ./index.ts). */
export interface FuzzSettings {
  readonly maxExamples: number;
  /** Per role. */
  readonly timeoutS: number;
  readonly roles: readonly string[];
  readonly area: string;
  readonly checks: string;
  readonly seed: string | undefined;
  /** How many paths to seed. */
  readonly paths: number;
  /** The API under test: ours on 127.0.0.1, or POLKU_FUZZ_BASE_URL if that is a loopback address. */
  readonly api: string;
  readonly openapi: string;
}

/** Throws on a malformed number or a base URL that is not a loopback address. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  const whole = (name: string, fallback: number, min: number, max: number): number => wholeNumber(name, env[name], fallback, min, max);
  const api = loopbackBase(env['POLKU_FUZZ_BASE_URL'] ?? `http://${HOST}:${Ports.api}`, 'POLKU_FUZZ_BASE_URL');
  return {
    maxExamples: whole('POLKU_FUZZ_MAX_EXAMPLES', 25, 1, 10_000),
    timeoutS: whole('POLKU_FUZZ_TIMEOUT_S', 300, 10, 7_200),
    roles: (env['POLKU_FUZZ_ROLES'] ?? `coach,admin,${NO_RIGHTS}`).split(',').map((role) => role.trim()).filter(Boolean),
    area: env['POLKU_FUZZ_AREA'] ?? 'Polku API fuzz',
    checks: env['POLKU_FUZZ_CHECKS'] ?? DEFAULT_CHECKS,
    seed: env['POLKU_FUZZ_SEED'] || undefined,
    paths: whole('POLKU_FUZZ_PATHS', 8, 0, 200),
    api,
    openapi: `${api}/docs/openapi.json`,
  };
}

function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${raw}`);
  return value;
}
