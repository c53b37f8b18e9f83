/* eslint-disable no-console -- a benchmark prints its table to a terminal */
import { BenchEnvironment, type EnvironmentNeeds } from '../env/environment';
import { newRunId } from '../env/run-id';
import { Deadline, messageOf } from '../support/limits';
import { progress } from '../support/progress';
import type { Benchmark, BenchContext } from './benchmark';
import { BENCHMARKS } from './benchmarks';
import type { SuiteOptions } from './options';
import { detailLines, markdownTable } from './report';
import { type BenchResult, check, checksPassed, passed } from './result';
import { writeResults } from './results-file';

/** Clean-up runs after the budget; past this too, the process gives up on it and exits. */
const CLEANUP_GRACE_MS = 4 * 60_000;

export interface SuiteOutcome {
  readonly code: number;
  readonly resultsFile: string;
  readonly results: readonly BenchResult[];
}

/**
 * Opens the run's environment, runs the selected benchmarks in order, always cleans up, then
 * writes the results file and prints the table. Exit code: a full run fails on any missed goal
 * or failed check; a smoke run only on a failed check (its figures are reported, not judged).
 */
export async function runSuite(options: SuiteOptions): Promise<SuiteOutcome> {
  const runId = newRunId();
  const startedAt = new Date();
  const selected = BENCHMARKS.filter((b) => options.only.has(b.id));
  const deadline = new Deadline(options.profile.timeoutS * 1000, 'the run budget');
  process.once('SIGINT', () => deadline.abort('interrupted (SIGINT)'));
  setTimeout(() => (console.error('bench: clean-up did not finish in time; exiting'), process.exit(2)), options.profile.timeoutS * 1000 + CLEANUP_GRACE_MS).unref();
  progress(`bench ${options.profile.name}: ${selected.map((b) => b.id).join(' ')}; run ${runId}, budget ${options.profile.timeoutS} s`);
  const results: BenchResult[] = [];
  const notes: string[] = [];
  let env: BenchEnvironment | undefined;
  try {
    env = await deadline.race(BenchEnvironment.open(runId, needsOf(selected)));
    const ctx: BenchContext = { env, profile: options.profile, deadline, memo: {} };
    for (const benchmark of selected) results.push(await runOne(benchmark, ctx));
  } catch (error) {
    notes.push(`! the run stopped: ${messageOf(error)}`);
  } finally {
    deadline.clear();
    await env?.close();
    notes.push(...(env?.notes ?? []), ...(env ? [`process logs: ${env.logDir}`] : []));
  }
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  const complete = results.length === selected.length;
  const goals = complete && results.every(passed) ? 'pass' : 'fail';
  const checks = complete && results.every(checksPassed) ? 'pass' : 'fail';
  const resultsFile = writeResults({ dir: options.resultsDir, ...(options.resultsFile ? { file: options.resultsFile } : {}) }, { runId, startedAt: startedAt.toISOString(), seconds, profile: options.profile, results, notes, verdict: { goals, checks } });
  for (const line of ['', ...markdownTable(results, options.profile), '', ...detailLines(results, options.profile), ...notes.map((n) => `- ${n}`), '', `results: ${resultsFile} (${seconds.toFixed(0)} s)`]) console.log(line);
  const failed = options.profile.name === 'full' ? goals === 'fail' || checks === 'fail' : checks === 'fail';
  return { code: failed ? 1 : 0, resultsFile, results };
}

async function runOne(benchmark: Benchmark, ctx: BenchContext): Promise<BenchResult> {
  const begun = Date.now();
  const lostBefore = ctx.env.children.lost.length;
  progress(`${benchmark.id} ${benchmark.title}`);
  const base = { id: benchmark.id, title: benchmark.title };
  try {
    ctx.deadline.throwIfAborted();
    const outcome = await benchmark.run(ctx);
    const lost = ctx.env.children.lost.slice(lostBefore);
    const checks = [...outcome.checks, ...(lost.length > 0 ? [check('the processes under test stayed up', false, lost.join('; '))] : [])];
    return { ...base, ...outcome, checks, seconds: (Date.now() - begun) / 1000 };
  } catch (error) {
    return { ...base, rows: [], checks: [check('ran to the end', false, messageOf(error))], notes: [], seconds: (Date.now() - begun) / 1000 };
  }
}

function needsOf(selected: readonly Benchmark[]): EnvironmentNeeds {
  const any = (key: keyof EnvironmentNeeds): boolean => selected.some((b) => b.needs[key] === true);
  return { paths: any('paths'), openPaths: any('openPaths'), baseline: any('baseline'), api: any('api'), relay: any('relay'), topics: any('topics') };
}
