/* eslint-disable no-console -- a benchmark prints to a terminal */
import type { Rate } from './phases';
import type { PhaseUsage } from './worker-process';
import type { BenchOptions } from './support';

export interface Results {
  baselineStarts?: Rate;
  pathStarts?: Rate;
  baselineFirings?: Rate;
  pathFirings?: Rate;
  peakRssMb?: number;
  /** The worker's peak RSS and CPU time during each measurement. */
  usage: { emptyWorkflows?: PhaseUsage; pathStarts?: PhaseUsage; oneTimers?: PhaseUsage; pathFirings?: PhaseUsage };
  notes: string[];
}

export function printHeader(options: BenchOptions, runId: string): void {
  console.log(`bench:paths  N=${options.n} concurrency=${options.concurrency}  (Temporal dev server 127.0.0.1:7233, PostgreSQL 127.0.0.1:5432)`);
  console.log(`run ${runId}  task queues bench-${runId}-paths, bench-${runId}-baseline  timeout ${options.timeoutMs / 1000} s`);
}

export function printResults(results: Results): void {
  const { baselineStarts: bs, pathStarts: ps, baselineFirings: bf, pathFirings: pf } = results;
  console.log('');
  console.log(`${pad('', 13)}${pad('baseline', 32)}${pad('service path', 46)}ratio`);
  console.log(`${pad('starts/s', 13)}${pad('empty workflow', 20)}${num(bs)}${pad('start + StartPath update', 34)}${num(ps)}${ratio(ps, bs)}`);
  console.log(`${pad('firings/s', 13)}${pad('one-timer (2 s)', 20)}${num(bf)}${pad('deadline firing (2 s drill)', 34)}${num(pf)}${ratio(pf, bf)}`);
  const { emptyWorkflows, pathStarts, oneTimers, pathFirings } = results.usage;
  console.log(`worker peak RSS  ${mb(results.peakRssMb)}  (VmHWM of the worker process)`);
  console.log(`  peak RSS / worker CPU during: empty workflows ${use(emptyWorkflows)}, path starts ${use(pathStarts)}, one-timers ${use(oneTimers)}, path firings ${use(pathFirings)}`);
  console.log('');
  console.log('details');
  if (bs) {
    const completed = bs.completedPerSecond === undefined ? '' : `; start→completed ${bs.completedPerSecond.toFixed(1)}/s`;
    console.log(`  empty workflow   ${outcome(bs)} started in ${bs.seconds.toFixed(2)} s${completed}`);
  }
  if (ps) console.log(`  path starts      ${outcome(ps)} started and StartPath stored in ${ps.seconds.toFixed(2)} s`);
  if (bf) console.log(`  one-timer        ${outcome(bf)} completed ${bf.seconds.toFixed(2)} s after the first start; ${delays(bf)}`);
  if (pf) console.log(`  path firings     ${outcome(pf)} DeadlineMissed stored ${pf.seconds.toFixed(2)} s after the first start; ${delays(pf)}; ${pf.notified ?? 0} notifications`);
  for (const [name, rate] of [['empty workflow', bs], ['path starts', ps], ['one-timer', bf], ['path firings', pf]] as const) {
    for (const error of rate?.errors ?? []) console.log(`  ! ${name}: ${error}`);
  }
  for (const note of results.notes) console.log(`  ${note}`);
  console.log('  * = incomplete (cut short); rates then cover only what finished');
}

/** True when every measurement finished with no failures. */
export function allComplete(results: Results): boolean {
  const rates = [results.baselineStarts, results.pathStarts, results.baselineFirings, results.pathFirings];
  return rates.every((rate) => rate !== undefined && rate.complete && rate.failed === 0);
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

function num(rate: Rate | undefined): string {
  if (!rate) return pad('—', 12);
  return pad(`${rate.perSecond.toFixed(1)}${rate.complete ? '' : '*'}`, 12);
}

function ratio(ours: Rate | undefined, baseline: Rate | undefined): string {
  if (!ours || !baseline || baseline.perSecond === 0) return '—';
  return (ours.perSecond / baseline.perSecond).toFixed(2);
}

function mb(value: number | undefined): string {
  return value === undefined ? '—' : `${Math.round(value)} MB`;
}

function use(usage: PhaseUsage | undefined): string {
  return usage ? `${mb(usage.peakMb)} / ${usage.cpuSeconds.toFixed(1)} s` : '—';
}

function outcome(rate: Rate): string {
  return `${rate.ok} ok, ${rate.failed} failed${rate.complete ? '' : ' (incomplete)'};`;
}

function delays(rate: Rate): string {
  if (!rate.delayMs) return 'no delays measured';
  const [p50, p99, max] = rate.delayMs.map((ms) => Math.round(ms));
  return `delay beyond the 2 s timer p50 ${p50} ms, p99 ${p99} ms, max ${max} ms`;
}
