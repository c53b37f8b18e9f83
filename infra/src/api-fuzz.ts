import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, HOST, LOGS, Ports } from './layout';
import { print, say, warn } from './log';
import { SCHEMATHESIS, SCHEMATHESIS_VERSION } from './schemathesis';

/**
 * Property-based tests of the running API from its own OpenAPI document (schemathesis), once per
 * role with a dev-issuer token. Only a local API is ever a target: the base URL is 127.0.0.1 (or
 * another loopback address) and passed explicitly, so the document's `servers` cannot send
 * requests elsewhere.
 *
 * Environment (all optional):
 *   POLKU_FUZZ_MAX_EXAMPLES  test cases per operation and phase (default 25)
 *   POLKU_FUZZ_TIMEOUT_S     hard limit per role; the run is killed past it (default 300)
 *   POLKU_FUZZ_ROLES         roles to fuzz as, comma-separated (default coach,admin)
 *   POLKU_FUZZ_AREA          the tokens' employment area (default "Polku API fuzz", kept apart from other data)
 *   POLKU_FUZZ_CHECKS        schemathesis checks (default not_a_server_error,response_schema_conformance,status_code_conformance)
 *   POLKU_FUZZ_SEED          a seed, to repeat a run
 *   POLKU_FUZZ_PATHS         paths started (as a coach) before the runs, whose ids and client
 *                            references the runs use for most `{pathId}` and `{clientReference}` (default 8)
 *   POLKU_FUZZ_BASE_URL      another local API instance, e.g. http://127.0.0.1:3900 (loopback only)
 *   POLKU_SKIP_API_FUZZ=1    skip the step in `npm test`
 */
const WORK_DIR = join(DATA, 'schemathesis'); // its .hypothesis example database, .schemathesis state, the run's config
const REPORT_DIR = join(LOGS, 'schemathesis');
const DEFAULT_CHECKS = 'not_a_server_error,response_schema_conformance,status_code_conformance';
const REQUEST_TIMEOUT_S = 10;
/** After the time limit: SIGINT (schemathesis stops, prints and reports what it found), then SIGKILL. */
const INTERRUPT_GRACE_MS = (REQUEST_TIMEOUT_S + 15) * 1000;

/** The API under test: ours on 127.0.0.1, or POLKU_FUZZ_BASE_URL if that is a loopback address. */
function target(): { api: string; openapi: string } {
  const api = loopback(process.env['POLKU_FUZZ_BASE_URL'] ?? `http://${HOST}:${Ports.api}`);
  return { api, openapi: `${api}/docs/openapi.json` };
}

interface RoleResult {
  readonly role: string;
  readonly ok: boolean;
  /** One short clause for the summary line. */
  readonly summary: string;
}

export interface FuzzResult {
  readonly code: number;
  readonly line: string;
}

export interface FuzzOptions {
  /** Arguments passed on to `schemathesis run` (e.g. `--include-path-regex '^/paths'`). */
  readonly extraArgs?: readonly string[];
}

/** Runs schemathesis once per role; never throws: every problem becomes a failing result. */
export async function runApiFuzz(options: FuzzOptions = {}): Promise<FuzzResult> {
  let head = `api fuzz (schemathesis ${SCHEMATHESIS_VERSION})`;
  try {
    const maxExamples = whole('POLKU_FUZZ_MAX_EXAMPLES', 25, 1, 10_000);
    const timeoutS = whole('POLKU_FUZZ_TIMEOUT_S', 300, 10, 7_200);
    const roles = (process.env['POLKU_FUZZ_ROLES'] ?? 'coach,admin').split(',').map((role) => role.trim()).filter(Boolean);
    const area = process.env['POLKU_FUZZ_AREA'] ?? 'Polku API fuzz';
    const urls = target();
    head = `api fuzz (schemathesis ${SCHEMATHESIS_VERSION}, ≤${maxExamples} cases/operation/phase, ≤${timeoutS} s/role)`;
    if (roles.length === 0) return { code: 1, line: `${head}: ✘ POLKU_FUZZ_ROLES names no role` };
    if (!existsSync(SCHEMATHESIS)) return { code: 1, line: `${head}: ✘ schemathesis is not installed (${SCHEMATHESIS})` };

    const spec = await fetchSpec(urls.openapi);
    if (typeof spec === 'string') return { code: 1, line: `${head}: ✘ ${spec}` };
    say(`${urls.openapi}: ${spec} operations; fuzzing as ${roles.join(', ')} (area "${area}")`);

    // Random ids only ever reach "404 not found": give the runs real paths to work on.
    const seeded = await seedPaths(urls.api, area, whole('POLKU_FUZZ_PATHS', 8, 0, 200));
    say(seeded.note);
    const config = writeConfig(seeded);

    const results: RoleResult[] = [];
    for (const role of roles) {
      const token = await devToken(urls.api, role, area);
      if (token.error !== undefined) results.push({ role, ok: false, summary: `${role} ✘ no token: ${token.error}` });
      else results.push(await fuzzAs(urls, role, token.accessToken, { maxExamples, timeoutS, config, extraArgs: options.extraArgs ?? [] }));
    }
    const ok = results.every((result) => result.ok);
    return { code: ok ? 0 : 1, line: `${head}: ${results.map((result) => result.summary).join('; ')} [${seeded.note}]` };
  } catch (error) {
    return { code: 1, line: `${head}: ✘ ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The number of operations in the API's document, or why there is none to test. */
async function fetchSpec(openapi: string): Promise<number | string> {
  let response: Response;
  try {
    response = await fetch(openapi, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    return `the API does not answer at ${openapi} (${error instanceof Error ? error.message : String(error)}); is it running (npm start)?`;
  }
  if (!response.ok) return `${openapi} answered HTTP ${response.status}; the API must serve its OpenAPI document there (docs/staff-api.md)`;
  try {
    const document = (await response.json()) as { paths?: Record<string, Record<string, unknown>> };
    const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
    const operations = Object.values(document.paths ?? {}).reduce((sum, item) => sum + Object.keys(item).filter((key) => methods.has(key)).length, 0);
    return operations > 0 ? operations : `${openapi} lists no operations`;
  } catch {
    return `${openapi} is not JSON`;
  }
}

async function devToken(api: string, role: string, employmentArea: string): Promise<{ accessToken: string; error?: undefined } | { error: string }> {
  try {
    const response = await fetch(`${api}/dev-issuer/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: `fuzz.${role}`, role, employmentArea }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json().catch(() => ({}))) as { accessToken?: unknown; code?: unknown };
    if (!response.ok || typeof body.accessToken !== 'string') return { error: `POST /dev-issuer/token answered ${response.status} ${String(body.code ?? '')}`.trim() };
    return { accessToken: body.accessToken };
  } catch (error) {
    return { error: `POST /dev-issuer/token failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

interface Seeded {
  readonly pathIds: readonly string[];
  readonly clientReferences: readonly string[];
  readonly note: string;
}

/** Starts `count` paths as a coach of the area, each for a new client; never throws. */
async function seedPaths(api: string, area: string, count: number): Promise<Seeded> {
  const pathIds: string[] = [];
  const clientReferences: string[] = [];
  const failures = new Map<string, number>();
  if (count === 0) return { pathIds, clientReferences, note: 'no seeded paths (POLKU_FUZZ_PATHS=0)' };
  const token = await devToken(api, 'coach', area);
  if (token.error !== undefined) return { pathIds, clientReferences, note: `no seeded paths: ${token.error}` };
  let next = Math.floor(Math.random() * IDENTITY_SPACE);
  for (let i = 0; i < count; i++) {
    try {
      const response = await fetch(`${api}/paths`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token.accessToken}` },
        body: JSON.stringify({ identityCode: identityCode(next++), municipality: 'Hattula', coachId: 'fuzz.coach', referralSource: 'SELF_REGISTRATION' }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json().catch(() => ({}))) as { pathId?: unknown; clientReference?: unknown; code?: unknown };
      if (response.status === 201 && typeof body.pathId === 'string') {
        pathIds.push(body.pathId);
        if (typeof body.clientReference === 'string') clientReferences.push(body.clientReference);
      } else {
        const key = `${response.status} ${String(body.code ?? '')}`.trim();
        failures.set(key, (failures.get(key) ?? 0) + 1);
      }
    } catch (error) {
      const key = error instanceof Error ? error.message : String(error);
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
  }
  const failed = [...failures].map(([key, n]) => `${key} ×${n}`).join(', ');
  return { pathIds, clientReferences, note: `seeded ${pathIds.length}/${count} paths${failed ? ` (POST /paths: ${failed})` : ''}` };
}

// Valid Finnish identity codes: DDMMYY, century sign, individual number 002–899, check character.
const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const FIRST_BIRTH_DAY = Date.UTC(1960, 0, 1);
const BIRTH_DAYS = Math.floor((Date.UTC(2005, 11, 31) - FIRST_BIRTH_DAY) / 86_400_000) + 1;
const IDENTITY_SPACE = BIRTH_DAYS * 898;

function identityCode(index: number): string {
  const k = index % IDENTITY_SPACE;
  const born = new Date(FIRST_BIRTH_DAY + Math.floor(k / 898) * 86_400_000);
  const digits = [born.getUTCDate(), born.getUTCMonth() + 1, born.getUTCFullYear() % 100].map((n) => String(n).padStart(2, '0')).join('');
  const zzz = String(2 + (k % 898)).padStart(3, '0');
  return `${digits}${born.getUTCFullYear() >= 2000 ? 'A' : '-'}${zzz}${CHECK_CHARACTERS[Number(digits + zzz) % 31]}`;
}

/**
 * The run's schemathesis.toml: most `pathId` / `clientReference` values come from the seeded
 * paths, the rest are generated. No secrets in it (the token goes in a header argument).
 */
function writeConfig(seeded: Seeded): string {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = join(WORK_DIR, 'schemathesis.toml');
  const lines = ['# Written by infra/src/api-fuzz.ts for each run.'];
  const bind = (parameter: string, dictionary: string, values: readonly string[]): void => {
    if (values.length === 0) return;
    lines.push(`dictionaries.${dictionary}.values = ${JSON.stringify(values)}`, `parameters.${parameter} = { dictionary = "${dictionary}", probability = 0.8 }`);
  };
  bind('pathId', 'paths', seeded.pathIds);
  bind('clientReference', 'clients', seeded.clientReferences);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

interface RunSettings {
  readonly maxExamples: number;
  readonly timeoutS: number;
  readonly config: string;
  readonly extraArgs: readonly string[];
}

async function fuzzAs(urls: { api: string; openapi: string }, role: string, token: string, settings: RunSettings): Promise<RoleResult> {
  mkdirSync(WORK_DIR, { recursive: true });
  mkdirSync(REPORT_DIR, { recursive: true });
  const report = join(REPORT_DIR, `${role}.json`);
  const junit = join(REPORT_DIR, `${role}.junit.xml`);
  const logPath = join(REPORT_DIR, `${role}.log`);
  rmSync(report, { force: true });
  const seed = process.env['POLKU_FUZZ_SEED'];
  const args = [
    '--config-file', settings.config,
    'run', urls.openapi,
    '--url', urls.api,
    '--checks', process.env['POLKU_FUZZ_CHECKS'] ?? DEFAULT_CHECKS,
    '--max-examples', String(settings.maxExamples),
    '--header', `Authorization: Bearer ${token}`,
    '--workers', '1',
    // A command answers in well under a second; one that hangs becomes a "Network Error" quickly.
    '--request-timeout', String(REQUEST_TIMEOUT_S),
    '--max-redirects', '0',
    '--no-color',
    '--report', 'json,junit',
    '--report-json-path', report,
    '--report-junit-path', junit,
    ...(seed ? ['--seed', seed] : []),
    ...settings.extraArgs,
  ];
  say(`schemathesis as ${role}: output also in ${logPath}`);
  const begun = Date.now();
  const outcome = await runBounded(SCHEMATHESIS, args, settings.timeoutS * 1000, logPath);
  const seconds = ((Date.now() - begun) / 1000).toFixed(0);
  const parsed = readReport(report);
  if (outcome.stopped !== undefined) {
    warn(`schemathesis as ${role} did not finish within ${settings.timeoutS} s and was ${outcome.stopped} (a hanging request? else raise POLKU_FUZZ_TIMEOUT_S or lower POLKU_FUZZ_MAX_EXAMPLES)`);
  }
  const limit = outcome.stopped === undefined ? '' : `${outcome.stopped} at the ${settings.timeoutS} s limit; `;
  const ok = outcome.code === 0 && outcome.stopped === undefined;
  if (!parsed) return { role, ok, summary: `${role} ${ok ? '✔' : '✘'} ${limit}exit ${outcome.code ?? outcome.signal}, no report (${seconds} s; see ${logPath})` };
  const failures = (parsed.failures ?? []).map((failure) => `${failure.code} ${failure.title} in ${listed(failure.operations ?? [])}`);
  const errors = (parsed.errors ?? []).map((error) => `${error.title ?? 'error'}${(error.count ?? 1) > 1 ? ` ×${error.count}` : ''}`);
  const detail = [...failures, ...errors].join('; ');
  const cases = parsed.test_cases?.generated ?? 0;
  const operations = parsed.operations ? `${parsed.operations.tested}/${parsed.operations.selected} operations` : 'no operations';
  const counts = `${limit}${cases} cases, ${operations}, ${seconds} s`;
  if (ok) return { role, ok, summary: `${role} ✔ ${counts}` };
  const found = `${parsed.test_cases?.unique_failures ?? 0} unique failures${errors.length > 0 ? `, ${errors.length} errors` : ''}`;
  return { role, ok, summary: `${role} ✘ ${found} (${counts})${detail ? `: ${detail}` : ` (exit ${outcome.code ?? outcome.signal})`}` };
}

/** "A, B, C and 9 more": the summary stays one readable line; the report has them all. */
function listed(operations: readonly string[], shown = 3): string {
  const more = operations.length - shown;
  return `${operations.slice(0, shown).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** The parts of schemathesis's JSON report we summarise; a run that failed early leaves some null. */
interface Report {
  operations?: { selected: number; tested: number } | null;
  test_cases?: { generated: number; unique_failures: number } | null;
  failures?: { code: string; title: string; operations?: string[] }[] | null;
  errors?: { title?: string; count?: number }[] | null;
}

function readReport(file: string): Report | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Report;
  } catch {
    return undefined;
  }
}

interface Bounded {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Set when the time limit ended the run. */
  readonly stopped?: 'interrupted' | 'killed';
}

/**
 * Runs the command with its output on our stdout and in `logPath`. Past `timeoutMs` its process
 * group gets SIGINT, and SIGKILL if it is still there after INTERRUPT_GRACE_MS.
 */
function runBounded(command: string, args: readonly string[], timeoutMs: number, logPath: string): Promise<Bounded> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logPath);
    const child = spawn(command, [...args], { cwd: WORK_DIR, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', PYTHONUNBUFFERED: '1' } });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk: Buffer) => {
        process.stdout.write(chunk);
        log.write(chunk);
      });
    }
    let stopped: Bounded['stopped'];
    const signalGroup = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        child.kill(signal);
      }
    };
    let kill: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      stopped = 'interrupted';
      signalGroup('SIGINT');
      kill = setTimeout(() => {
        stopped = 'killed';
        signalGroup('SIGKILL');
      }, INTERRUPT_GRACE_MS);
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      clearTimeout(kill);
      log.end();
    };
    child.on('error', (error) => {
      done();
      reject(error);
    });
    child.on('close', (code, signal) => {
      done();
      resolve({ code, signal, ...(stopped ? { stopped } : {}) });
    });
  });
}

function loopback(url: string): string {
  const { hostname } = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) throw new Error(`POLKU_FUZZ_BASE_URL must be a loopback address, got ${url}`);
  return url.replace(/\/$/, '');
}

function whole(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${raw}`);
  return value;
}

export function printFuzzSummary(result: FuzzResult | undefined): void {
  if (result) print(result.line);
}
