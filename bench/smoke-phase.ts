/* eslint-disable no-console -- a script's last word goes to its log file */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOME } from '../infra/src/layout';
import { parseOptions } from './suite/options';
import { compactLines } from './suite/report';
import { runSuite } from './suite/run';

const RESULTS = join(HOME, 'artifacts', 'bench', 'smoke.json');

/**
 * `npm test`'s benchmark phase (infra/src/cli.ts runs it, output to .polku/logs/bench-smoke.log):
 *   node -r @swc-node/register bench/smoke-phase.ts <summary.json>
 * runs every benchmark at smoke size, so the benchmarks cannot rot, and writes the summary
 * `npm test` adds to its totals: each correctness check is one test; the figures are printed
 * (a line per benchmark), never judged.
 */
async function main(): Promise<number> {
  const summary = process.argv[2];
  if (!summary) throw new Error('usage: bench/smoke-phase.ts <summary.json>');
  const begun = Date.now();
  const outcome = await runSuite(parseOptions(['--smoke', `--results-file=${RESULTS}`]));
  const checks = outcome.results.flatMap((result) => result.checks);
  const passed = checks.filter((c) => c.ok).length;
  // A run cut short has fewer results than benchmarks: what did not run counts as one failure.
  const missing = outcome.code !== 0 && passed === checks.length ? 1 : 0;
  const header = `benchmarks (smoke): ${passed}/${checks.length} checks passed in ${((Date.now() - begun) / 1000).toFixed(0)} s (figures reported, not judged; ${outcome.resultsFile})`;
  writeFileSync(summary, JSON.stringify({ totals: { passed, failed: checks.length - passed + missing, skipped: 0 }, notes: [header, ...compactLines(outcome.results)] }));
  return outcome.code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`benchmarks (smoke) failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
