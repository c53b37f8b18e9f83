/* eslint-disable no-console -- a child process's last word goes to its log file */
import { createServicePathActivities } from '@polku/activities';
import { databaseUrlFor, loadConfig } from '@polku/config';
import { PATH_TASK_QUEUE } from '@polku/contracts';
import { createPool } from '@polku/event-store';
import { temporalDataConverter } from '@polku/temporal';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { Pool } from 'pg';
import { createBaselineActivities } from '../baseline/baseline.activities';
import { BASELINE_TASK_QUEUE } from '../baseline/baseline.messages';
import { OPEN_PATHS_TASK_QUEUE } from '../support/paths';
import type { WorkerQueue } from './worker-process';

const TASK_QUEUES: Readonly<Record<WorkerQueue, string>> = { paths: PATH_TASK_QUEUE, 'open-paths': OPEN_PATHS_TASK_QUEUE, baseline: BASELINE_TASK_QUEUE };

/**
 * Benchmark workers in a process of their own, so its memory and CPU can be measured. Each
 * queue in BENCH_WORKER_QUEUES gets a Worker: `paths` runs our bundle with the real activities as
 * apps/worker does (its role, a default pool) on the path task queue; `open-paths` the same on a
 * queue of B7's own (a process of its own, holding only B7's paths); `baseline` the baseline
 * bundle with its one-INSERT activities. The parent sends the bundles' paths over IPC once built.
 */
async function main(): Promise<void> {
  const queues = (process.env['BENCH_WORKER_QUEUES'] ?? '').split(',').filter(Boolean) as WorkerQueue[];
  if (queues.length === 0 || queues.some((queue) => !(queue in TASK_QUEUES))) throw new Error(`BENCH_WORKER_QUEUES must list ${Object.keys(TASK_QUEUES).join(', ')}`);
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: ['SIGTERM', 'SIGINT'] });
  const config = loadConfig();
  const pool = createPool(databaseUrlFor(config, 'worker'));
  const { address, namespace, tls } = config.temporal;
  const connection = await NativeConnection.connect({ address, ...(tls === undefined ? {} : { tls }) });
  const bundles = await bundlesFromParent();
  const workers = await Promise.all(
    queues.map((queue) =>
      Worker.create({
        connection,
        namespace,
        taskQueue: TASK_QUEUES[queue],
        workflowBundle: { codePath: queue === 'baseline' ? bundles.baseline : bundles.paths },
        // Payloads encrypted both ways, for ours and the baselines alike (docs/payload-encryption.md).
        dataConverter: temporalDataConverter(),
        activities: activitiesFor(queue, pool),
        // apps/worker's cache bound, from the same setting (WORKER_MAX_CACHED_WORKFLOWS): every
        // worker here gets it, so the baselines run exactly as ours.
        maxCachedWorkflows: config.worker.maxCachedWorkflows,
      }),
    ),
  );
  const running = Promise.all(workers.map((worker) => worker.run()));
  const { maxCachedWorkflows, reuseV8Context, workflowThreadPoolSize } = workers[0]?.options ?? {};
  process.send?.({ type: 'ready', settings: `maxCachedWorkflows=${maxCachedWorkflows} reuseV8Context=${reuseV8Context} workflowThreadPoolSize=${workflowThreadPoolSize} (each worker)` });
  await running;
  await Promise.allSettled([pool.end(), connection.close()]);
}

function activitiesFor(queue: WorkerQueue, pool: Pool): object {
  return queue === 'baseline' ? createBaselineActivities(pool) : createServicePathActivities({ pool });
}

/** The parent bundles while this process compiles and connects. */
function bundlesFromParent(): Promise<{ paths: string; baseline: string }> {
  return new Promise((resolve) => {
    const onMessage = (message: { type?: string; paths?: string; baseline?: string }): void => {
      if (message.type !== 'bundles' || !message.paths || !message.baseline) return;
      process.off('message', onMessage);
      resolve({ paths: message.paths, baseline: message.baseline });
    };
    process.on('message', onMessage);
  });
}

main().catch((error: unknown) => {
  console.error('bench worker failed', error);
  process.exit(1);
});
