/* eslint-disable no-console -- a benchmark prints to a terminal */
import type { Measurement } from './api/measure';
import { COACH_ID, parseOptions, type Options } from './api/options';
import { exitPaths, hello, recordConsents, startPaths } from './api/phases';
import { preflight } from './api/preflight';
import { BASELINE_LABEL, report } from './api/report';

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

interface Run {
  readonly results: Measurement[];
  readonly notes: string[];
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const run: Run = { results: [], notes: [] };
  const overall = setTimeout(() => {
    run.notes.push(`! overall timeout of ${options.timeoutSeconds} s reached; stopped`);
    report(options, run.results, run.notes);
    process.exit(2);
  }, options.timeoutSeconds * 1000);
  overall.unref();

  console.log(`bench:api  ${options.base}  connections=${options.connections}  hello ${options.helloSeconds} s, starts ≤${options.starts}, commands ≤${options.commands} (each phase ≤${options.phaseSeconds} s)  timeout ${options.timeoutSeconds} s`);
  console.log(`coach "${COACH_ID}" in employment area "${options.area}", municipality "${options.municipality}"`);
  const token = await preflight(options);
  const pathIds = await measurePhases(options, token, run);
  if (options.keep) run.notes.push(`--keep: ${pathIds.length} started paths left ACTIVE in area "${options.area}" (coach ${COACH_ID})`);
  else {
    progress(`cleanup: exiting ${pathIds.length} paths`);
    run.notes.push(await exitPaths(options, token, pathIds, Math.max(options.phaseSeconds, 60)));
  }
  clearTimeout(overall);
  return report(options, run.results, run.notes);
}

/** Warm-up, baseline, path starts, then commands on the started paths; returns their ids. */
async function measurePhases(options: Options, token: string, run: Run): Promise<readonly string[]> {
  progress('warm-up: GET /hello for 2 s');
  await hello(options, token, 'warm-up', 2);
  progress(`baseline: GET /hello for ${options.helloSeconds} s`);
  run.results.push(await hello(options, token, BASELINE_LABEL, options.helloSeconds));

  progress(`path starts: POST /paths ×${options.starts}`);
  const started = await startPaths(options, token);
  run.results.push(started.measurement);
  const { pathIds } = started;
  if (started.measurement.capped) run.notes.push(`! the start phase was cut short with up to ${options.connections} requests in flight: paths those started are not used or exited`);
  if (pathIds.length === 0) {
    run.notes.push('! no path started, so no commands were measured');
    return pathIds;
  }
  if (pathIds.length < options.connections) run.notes.push(`! only ${pathIds.length} paths for ${options.connections} connections: some commands queue on the same path`);
  progress(`commands: POST /paths/{id}/record-consent ×${options.commands} over ${pathIds.length} paths`);
  run.results.push(await recordConsents(options, token, pathIds));
  return pathIds;
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
