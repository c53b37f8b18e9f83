/* eslint-disable no-console -- a benchmark prints to a terminal */
import type { Measurement } from './measure';
import type { Options } from './options';

export const BASELINE_LABEL = 'hello (baseline)';
/** Baseline, path starts, commands. */
const PHASES = 3;

/** Prints the table; 0 when every measured call answered 2xx and every phase ran, else 1. */
export function report(options: Options, results: readonly Measurement[], notes: readonly string[]): number {
  printTable(results);
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
  const complete = results.length === PHASES;
  console.log(`\nall measured calls answered 2xx${complete ? '' : ' (but not every phase ran: see above)'}`);
  return complete ? 0 : 1;
}

function printTable(results: readonly Measurement[]): void {
  const baseline = results.find((result) => result.label === BASELINE_LABEL);
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
}

/** 243, 71.4, 1.00, 0.0071: two or three significant digits, whatever the size. */
function short(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}
