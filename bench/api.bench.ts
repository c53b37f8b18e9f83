/* eslint-disable no-console -- a benchmark prints to a terminal */
import { addDays, helsinkiDateOf, parsePersonalIdentityCode } from '@polku/domain';
import autocannon from 'autocannon';

/**
 * `npm run bench:api [-- --connections=16 --hello-s=10 --starts=800 --commands=1500 --phase-s=35 --timeout-s=240 --keep]`
 * (or BENCH_API_CONNECTIONS, BENCH_API_HELLO_S, BENCH_API_STARTS, BENCH_API_COMMANDS, BENCH_API_PHASE_S,
 * BENCH_API_TIMEOUT_S, BENCH_API_AREA, BENCH_API_MUNICIPALITY, BENCH_API_URL).
 *
 * The running API over HTTP with autocannon, as a coach with a dev-issuer token, each figure next
 * to the raw baseline of the same server and connections, `GET /hello`:
 *   path starts       POST /paths, each with an identity code no other request uses
 *   commands          POST /paths/{id}/record-consent, a new consent each time, spread round-robin
 *                     over the paths the start phase created (repeatable on any started path)
 * Bounded: a request count and a time cap per phase, an overall timeout. Loopback only. The
 * started paths are then exited through the API (`exit`, outcome OTHER) unless --keep.
 * Prints figures; exits 1 when any measured call failed or answered other than 2xx.
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const COACH_ID = 'bench.coach';

interface Options {
  readonly base: string;
  readonly connections: number;
  readonly helloSeconds: number;
  readonly starts: number;
  readonly commands: number;
  readonly phaseSeconds: number;
  readonly timeoutSeconds: number;
  readonly area: string;
  readonly municipality: string;
  readonly keep: boolean;
}

function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  const flag = (name: string, variable: string): string | undefined => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? env[variable];
  const base = (env['BENCH_API_URL'] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  if (!LOOPBACK.has(new URL(base).hostname)) throw new Error(`BENCH_API_URL must be a loopback address (127.0.0.1, localhost, [::1]), got ${base}`);
  return {
    base,
    connections: whole('connections', flag('connections', 'BENCH_API_CONNECTIONS'), 16, 512),
    helloSeconds: whole('hello-s', flag('hello-s', 'BENCH_API_HELLO_S'), 10, 600),
    starts: whole('starts', flag('starts', 'BENCH_API_STARTS'), 800, 50_000),
    commands: whole('commands', flag('commands', 'BENCH_API_COMMANDS'), 1_500, 200_000),
    phaseSeconds: whole('phase-s', flag('phase-s', 'BENCH_API_PHASE_S'), 35, 1_800),
    timeoutSeconds: whole('timeout-s', flag('timeout-s', 'BENCH_API_TIMEOUT_S'), 240, 7_200),
    area: env['BENCH_API_AREA'] ?? 'Polku API bench',
    municipality: env['BENCH_API_MUNICIPALITY'] ?? 'Hattula',
    keep: argv.includes('--keep'),
  };
}

function whole(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be a whole number from 1 to ${max}, got ${raw}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Identity codes: DDMMYY + century sign + individual number 002–899 + check character. Each run
// walks the space (birth dates 1960–2005 × 898 numbers, ≈15 M codes) from a random point, so no
// two requests of a run, and almost surely no two runs, share a client.

const FIRST_BIRTH_DAY = Date.UTC(1960, 0, 1);
const BIRTH_DAYS = Math.floor((Date.UTC(2005, 11, 31) - FIRST_BIRTH_DAY) / 86_400_000) + 1;
const NUMBERS = 898; // 002–899

export function identityCode(index: number): string {
  const k = index % (BIRTH_DAYS * NUMBERS);
  const born = new Date(FIRST_BIRTH_DAY + Math.floor(k / NUMBERS) * 86_400_000);
  const dd = String(born.getUTCDate()).padStart(2, '0');
  const mm = String(born.getUTCMonth() + 1).padStart(2, '0');
  const yy = String(born.getUTCFullYear() % 100).padStart(2, '0');
  const zzz = String(2 + (k % NUMBERS)).padStart(3, '0');
  const sign = born.getUTCFullYear() >= 2000 ? 'A' : '-';
  return `${dd}${mm}${yy}${sign}${zzz}${CHECK_CHARACTERS[Number(`${dd}${mm}${yy}${zzz}`) % 31]}`;
}

class IdentityCodes {
  private next = Math.floor(Math.random() * BIRTH_DAYS * NUMBERS);
  take(): string {
    return identityCode(this.next++);
  }
}

// ---------------------------------------------------------------------------------------------

interface Measurement {
  readonly label: string;
  readonly what: string;
  readonly sent: number;
  readonly responses: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
  /** Cut short by the phase's time cap before its request count. */
  readonly capped: boolean;
  /** "409 PATH.CLIENT_HAS_ACTIVE_PATH × 3", … */
  readonly statuses: readonly string[];
  readonly perSecond: number;
}

interface Phase {
  readonly label: string;
  readonly what: string;
  readonly request: autocannon.Request;
  readonly amount?: number;
  readonly seconds: number;
  readonly onBody?: (status: number, body: string) => void;
}

async function measure(options: Options, token: string, phase: Phase): Promise<Measurement> {
  const statuses = new Map<string, number>();
  let ok = 0;
  const request: autocannon.Request = {
    ...phase.request,
    onResponse: (status: number, body: string) => {
      if (status >= 200 && status < 300) ok++;
      else {
        const key = `${status} ${codeOf(body)}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
      phase.onBody?.(status, body);
    },
  };
  const begun = process.hrtime.bigint();
  let capped = false;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.base,
        connections: options.connections,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [request],
        timeout: 30,
        ...(phase.amount === undefined ? { duration: phase.seconds } : { amount: phase.amount }),
      },
      (error: Error | null, finished: autocannon.Result) => (error ? reject(error) : resolve(finished)),
    );
    if (phase.amount !== undefined) {
      const cap = setTimeout(() => {
        capped = true;
        instance.stop();
      }, phase.seconds * 1000);
      instance.on('done', () => clearTimeout(cap));
    }
  });
  const seconds = Number(process.hrtime.bigint() - begun) / 1e9;
  return {
    label: phase.label,
    what: phase.what,
    sent: result.requests.sent,
    responses: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    capped,
    statuses: [...statuses].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key} × ${count}`),
    perSecond: result.requests.total / seconds,
  };
}

function codeOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { code?: unknown };
    return typeof parsed.code === 'string' ? parsed.code : '';
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------

async function post(options: Options, path: string, body: unknown, token?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${options.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}

async function preflight(options: Options): Promise<string> {
  const hello = await fetch(`${options.base}/hello`, { signal: AbortSignal.timeout(10_000) }).catch((error: unknown) => {
    throw new Error(`the API does not answer at ${options.base} (${String(error)}); run npm start first`);
  });
  const text = await hello.text();
  if (hello.status !== 200) throw new Error(`GET /hello answered ${hello.status} ${text.slice(0, 200)}; the API must serve it (public, {"hello":"world"})`);
  const issued = await post(options, '/dev-issuer/token', { userId: COACH_ID, role: 'coach', employmentArea: options.area });
  const token = (issued.body as { accessToken?: unknown } | undefined)?.accessToken;
  if (issued.status !== 200 && issued.status !== 201) throw new Error(`POST /dev-issuer/token answered ${issued.status} ${JSON.stringify(issued.body)}`);
  if (typeof token !== 'string') throw new Error('POST /dev-issuer/token answered without an accessToken');
  return token;
}

/** Exits the paths the run started (not measured), so they leave caseloads and deadline lists. */
async function exitPaths(options: Options, token: string, pathIds: readonly string[], seconds: number): Promise<string> {
  if (pathIds.length === 0) return 'no paths to exit';
  const today = helsinkiDateOf(new Date().toISOString());
  let index = 0;
  const codes: string[] = [];
  const result = await measure(options, token, {
    label: 'cleanup',
    what: 'exit',
    amount: pathIds.length,
    seconds,
    request: {
      method: 'POST',
      setupRequest: (request) => ({ ...request, path: `/paths/${pathIds[index++ % pathIds.length] ?? ''}/exit`, body: JSON.stringify({ outcome: 'OTHER', exitedOn: today }) }),
    },
    onBody: (status, body) => {
      if (status >= 300 && codes.length < 3) codes.push(`${status} ${codeOf(body)}`);
    },
  });
  const left = pathIds.length - result.ok;
  return `cleanup: exited ${result.ok} of ${pathIds.length} started paths through the API${left > 0 ? ` (${left} left ACTIVE${result.capped ? ', time cap reached' : ''}${codes.length ? `; ${codes.join(', ')}` : ''})` : ''}`;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const notes: string[] = [];
  const results: Measurement[] = [];
  const overall = setTimeout(() => {
    notes.push(`! overall timeout of ${options.timeoutSeconds} s reached; stopped`);
    report(options, results, notes);
    process.exit(2);
  }, options.timeoutSeconds * 1000);
  overall.unref();

  console.log(`bench:api  ${options.base}  connections=${options.connections}  hello ${options.helloSeconds} s, starts ≤${options.starts}, commands ≤${options.commands} (each phase ≤${options.phaseSeconds} s)  timeout ${options.timeoutSeconds} s`);
  console.log(`coach "${COACH_ID}" in employment area "${options.area}", municipality "${options.municipality}"`);
  const token = await preflight(options);
  const codes = new IdentityCodes();
  const sample = codes.take();
  if (!parsePersonalIdentityCode(sample).ok) throw new Error(`the generated identity code ${sample} does not parse`);

  progress('warm-up: GET /hello for 2 s');
  await measure(options, token, { label: 'warm-up', what: '', seconds: 2, request: { method: 'GET', path: '/hello' } });

  progress(`baseline: GET /hello for ${options.helloSeconds} s`);
  results.push(await measure(options, token, { label: 'hello (baseline)', what: 'GET /hello', seconds: options.helloSeconds, request: { method: 'GET', path: '/hello' } }));

  progress(`path starts: POST /paths ×${options.starts}`);
  const pathIds: string[] = [];
  results.push(
    await measure(options, token, {
      label: 'path starts',
      what: 'POST /paths',
      amount: options.starts,
      seconds: options.phaseSeconds,
      request: {
        method: 'POST',
        path: '/paths',
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ identityCode: codes.take(), municipality: options.municipality, coachId: COACH_ID, referralSource: 'SELF_REGISTRATION' }),
        }),
      },
      onBody: (status, body) => {
        if (status !== 201) return;
        const pathId = (JSON.parse(body) as { pathId?: unknown }).pathId;
        if (typeof pathId === 'string') pathIds.push(pathId);
      },
    }),
  );

  if (results.at(-1)?.capped) notes.push(`! the start phase was cut short with up to ${options.connections} requests in flight: paths those started are not used or exited`);
  if (pathIds.length === 0) notes.push('! no path started, so no commands were measured');
  else {
    if (pathIds.length < options.connections) notes.push(`! only ${pathIds.length} paths for ${options.connections} connections: some commands queue on the same path`);
    progress(`commands: POST /paths/{id}/record-consent ×${options.commands} over ${pathIds.length} paths`);
    const today = helsinkiDateOf(new Date().toISOString());
    let index = 0;
    results.push(
      await measure(options, token, {
        label: 'commands',
        what: 'POST /paths/{id}/record-consent',
        amount: options.commands,
        seconds: options.phaseSeconds,
        request: {
          method: 'POST',
          setupRequest: (request) => {
            const i = index++;
            // A new consent each time: the expiry moves a day per round over the paths.
            const consent = { audience: 'KELA', scope: 'Tietojen luovutus Kelalle työllistymisen tukemiseksi', givenOn: today, expiresOn: addDays(today, 180 + Math.floor(i / pathIds.length)) };
            return { ...request, path: `/paths/${pathIds[i % pathIds.length] ?? ''}/record-consent`, body: JSON.stringify({ consent }) };
          },
        },
      }),
    );
  }

  if (options.keep) notes.push(`--keep: ${pathIds.length} started paths left ACTIVE in area "${options.area}" (coach ${COACH_ID})`);
  else {
    progress(`cleanup: exiting ${pathIds.length} paths`);
    notes.push(await exitPaths(options, token, pathIds, Math.max(options.phaseSeconds, 60)));
  }
  clearTimeout(overall);
  return report(options, results, notes);
}

/** Prints the table; 0 when every measured call answered 2xx, else 1. */
function report(options: Options, results: readonly Measurement[], notes: readonly string[]): number {
  const baseline = results.find((result) => result.label === 'hello (baseline)');
  const pad = (text: string, width: number): string => text.padEnd(width);
  const num = (value: number, width: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '—').padStart(width);
  const ratio = (ours: number, base: number | undefined): string => (base && Number.isFinite(ours) && base > 0 ? short(ours / base) : '—').padStart(8);
  console.log('');
  console.log(`${pad('', 18)}${pad('request', 34)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}   ${'ratio vs hello: req/s'.padStart(8)}${'p50'.padStart(8)}${'p99'.padStart(8)}   2xx / responses (errors, timeouts)`);
  for (const r of results) {
    const rate = `${num(r.perSecond, 8)}${r.capped ? '*' : ' '}`;
    const ratios = r === baseline ? `${'1.00'.padStart(21)}${'1.00'.padStart(8)}${'1.00'.padStart(8)}` : `${ratio(r.perSecond, baseline?.perSecond).padStart(21)}${ratio(r.p50, baseline?.p50)}${ratio(r.p99, baseline?.p99)}`;
    console.log(`${pad(r.label, 18)}${pad(r.what, 34)}${rate}${num(r.p50, 9, 0)}${num(r.p99, 9, 0)}   ${ratios}   ${r.ok} / ${r.responses} (${r.errors}, ${r.timeouts})`);
  }
  console.log(`  req/s = responses / wall time of the phase; ratios: req/s ours ÷ hello (higher is better), latency ours ÷ hello (lower is better)`);
  if (results.some((r) => r.capped)) console.log(`  * = cut short by the ${options.phaseSeconds} s phase cap before its request count`);
  for (const note of notes) console.log(`  ${note}`);

  const bad = results.filter((r) => r.non2xx > 0 || r.errors > 0 || r.timeouts > 0 || r.ok < r.responses);
  if (bad.length > 0) {
    console.log('');
    console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    console.log('!!! MEASURED CALLS FAILED: the figures above include failed requests and are NOT clean !!!');
    for (const r of bad) {
      console.log(`!!!   ${r.label}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts${r.statuses.length ? ` — ${r.statuses.slice(0, 5).join(', ')}` : ''}`);
    }
    console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    return 1;
  }
  const complete = results.length === 3;
  console.log(`\nall measured calls answered 2xx${complete ? '' : ' (but not every phase ran: see above)'}`);
  return complete ? 0 : 1;
}

/** 243, 71.4, 1.00, 0.0071: two or three significant digits, whatever the size. */
function short(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

function progress(message: string): void {
  console.error(`· ${new Date().toISOString().slice(11, 19)} ${message}`);
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`bench:api failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
