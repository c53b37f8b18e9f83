/* eslint-disable no-console -- a benchmark prints to a terminal */
import { createPool } from '@polku/event-store';
import { bundleWorkflows, temporalDataConverter } from '@polku/temporal';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { deleteBenchRows, sweepTaskQueues, terminatePaths } from './cleanup';
import { Deadline, messageOf } from './limits';
import { baselineFirings, baselineStarts, type BenchContext, pathFirings, pathStarts } from './phases';
import { allComplete, printHeader, printResults, type Results } from './report';
import { NAMESPACE, newRunId, parseOptions, TEMPORAL_ADDRESS } from './support';
import { WorkerProcess } from './worker-process';

/** Cleanup's steps are bounded (about 4 min in all); past this the process gives up on it. */
const CLEANUP_GRACE_MS = 5 * 60_000;
const TERMINATE_BUDGET_MS = 60_000;
const SWEEP_BUDGET_MS = 45_000;
const DELETE_BUDGET_MS = 30_000;

/**
 * `npm run bench:paths [-- --n=2000 --concurrency=50 --timeout-s=600 --keep-rows]`: our path
 * starts and deadline firings next to the same server's raw baseline, measured in one run.
 * Prints figures only; it never asserts on them.
 */
async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const runId = newRunId();
  const taskQueues = { paths: `bench-${runId}-paths`, baseline: `bench-${runId}-baseline` };
  const results: Results = { usage: {}, notes: [] };
  const deadline = new Deadline(options.timeoutMs);
  const bundlePaths = { paths: join(tmpdir(), `polku-bench-${runId}-paths.js`), baseline: join(tmpdir(), `polku-bench-${runId}-baseline.js`) };
  const logPath = join(tmpdir(), `polku-bench-${runId}-worker.log`);
  let worker: WorkerProcess | undefined;
  let connection: Connection | undefined;
  let db: Pool | undefined;
  // Last resort if cleanup itself hangs: print what we have, kill our worker, exit.
  setTimeout(() => {
    results.notes.push('! cleanup did not finish in time; the worker was killed');
    printResults(results);
    worker?.kill();
    process.exit(2);
  }, options.timeoutMs + CLEANUP_GRACE_MS).unref();

  // Payloads encrypted as in production, for our paths and the baselines alike.
  const dataConverter = temporalDataConverter();
  printHeader(options, runId);
  let startPathsTerminated = false;
  try {
    progress('bundling workflows');
    const logger = new DefaultLogger('WARN');
    // Ours exactly as apps/worker bundles it; the baselines on their own, as bare as they come.
    writeFileSync(bundlePaths.paths, (await bundleWorkflows(logger)).code);
    writeFileSync(bundlePaths.baseline, (await bundleWorkflowCode({ workflowsPath: join(__dirname, 'baseline.workflows.ts'), logger })).code);
    db = createPool(options.databaseUrl, 2);
    connection = await Connection.connect({ address: TEMPORAL_ADDRESS });
    const client = new Client({ connection, namespace: NAMESPACE, dataConverter });
    progress(`starting the worker (log ${logPath})`);
    const running = await WorkerProcess.start({
      queues: {
        paths: { taskQueue: taskQueues.paths, bundlePath: bundlePaths.paths },
        baseline: { taskQueue: taskQueues.baseline, bundlePath: bundlePaths.baseline },
      },
      databaseUrl: options.databaseUrl,
      logPath,
      onUnexpectedExit: (code, signal) => deadline.abort(`the worker exited unexpectedly (${code ?? signal}); see ${logPath}`),
    });
    worker = running;
    results.notes.push(`worker (ours): ${running.settings}, default pool (10 connections), real activities; baselines on a second worker in the same process`);
    const ctx: BenchContext = { client, db, runId, taskQueues, options, deadline, progress };
    running.takePhase();
    await client.withAbortSignal(deadline.signal, async () => {
      progress('starts: baseline empty workflows');
      results.baselineStarts = await baselineStarts(ctx);
      results.usage.emptyWorkflows = running.takePhase();
      deadline.throwIfAborted();
      progress('starts: service paths (start + StartPath update)');
      results.pathStarts = await pathStarts(ctx);
      results.usage.pathStarts = running.takePhase();
      deadline.throwIfAborted();
      // Those paths wait days for their interview; leave the firing phase an idle worker.
      progress('terminating the started paths');
      await terminatePaths(client, runId, 'start', options.n, options.concurrency, 2 * TERMINATE_BUDGET_MS);
      startPathsTerminated = true;
      running.takePhase();
      progress('firings: baseline one-timer workflows');
      results.baselineFirings = await baselineFirings(ctx);
      results.usage.oneTimers = running.takePhase();
      deadline.throwIfAborted();
      progress('firings: service paths with a 2 s deadline');
      results.pathFirings = await pathFirings(ctx);
      results.usage.pathFirings = running.takePhase();
    });
  } catch (error) {
    if (!deadline.abortedBecause) results.notes.push(`! ${messageOf(error)}`);
  } finally {
    deadline.clear();
    if (deadline.abortedBecause) results.notes.push(`! ${deadline.abortedBecause}`);
    await cleanUp();
  }
  printResults(results);
  return deadline.abortedBecause || !allComplete(results) ? 1 : 0;

  async function cleanUp(): Promise<void> {
    await step('stopping the worker', async () => {
      if (!worker) return;
      results.peakRssMb = worker.peakMb();
      await worker.stop();
    });
    await step('terminating the paths', async () => {
      if (!connection) return;
      const client = new Client({ connection, namespace: NAMESPACE, dataConverter });
      if (!startPathsTerminated) await terminatePaths(client, runId, 'start', options.n, options.concurrency, TERMINATE_BUDGET_MS);
      await terminatePaths(client, runId, 'fire', options.n, options.concurrency, TERMINATE_BUDGET_MS);
      const swept = await sweepTaskQueues(client, Object.values(taskQueues), 4 * options.n + 100, options.concurrency, SWEEP_BUDGET_MS);
      if (swept > 0) results.notes.push(`cleanup terminated ${swept} further workflows still running on the task queues`);
    });
    await step('deleting the bench rows', async () => {
      if (!db) return;
      if (options.keepRows) results.notes.push(`rows kept: stream_id LIKE 'bench-${runId}-%'`);
      else {
        const budget = new Deadline(DELETE_BUDGET_MS, 'deleting the rows');
        const deleted = await budget.race(deleteBenchRows(db, runId)).finally(() => budget.clear());
        results.notes.push(`deleted this run's ${deleted} events (and their outbox, active-path and notification rows)`);
      }
    });
    await step('closing connections', async () => {
      for (const path of Object.values(bundlePaths)) rmSync(path, { force: true });
      await Promise.race([Promise.allSettled([db?.end(), connection?.close()]), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    });
    results.notes.push(`worker log: ${logPath}`);
  }

  async function step(name: string, run: () => Promise<void>): Promise<void> {
    progress(`cleanup: ${name}`);
    try {
      await run();
    } catch (error) {
      results.notes.push(`! cleanup (${name}) failed: ${messageOf(error)}`);
    }
  }
}

function progress(message: string): void {
  console.error(`· ${new Date().toISOString().slice(11, 19)} ${message}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:paths failed: ${messageOf(error)}`);
    process.exit(1);
  },
);
