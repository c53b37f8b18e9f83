/* eslint-disable no-console -- a benchmark prints to a terminal */
import { createServicePathActivities } from '@polku/activities';
import { createPool } from '@polku/event-store';
import { temporalDataConverter } from '@polku/temporal';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { NAMESPACE, TEMPORAL_ADDRESS } from './support';

/**
 * The benchmark's worker process, alone so its memory can be measured. Two workers share it:
 * the project's bundle with the real activities and a default-size pool (as apps/worker), and
 * the baseline bundle, so the baselines do not pay for evaluating our modules per workflow.
 * The parent built both bundles, which keeps webpack out of this process's RSS.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: ['SIGTERM', 'SIGINT'] });
  const pool = createPool(required('DATABASE_URL'));
  const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS });
  // The same data converter as apps/worker and the bench's client: payloads encrypted both ways.
  const dataConverter = temporalDataConverter();
  const paths = await Worker.create({
    connection,
    namespace: NAMESPACE,
    taskQueue: required('BENCH_PATHS_TASK_QUEUE'),
    workflowBundle: { codePath: required('BENCH_PATHS_BUNDLE') },
    dataConverter,
    activities: createServicePathActivities({ pool }),
  });
  const baseline = await Worker.create({
    connection,
    namespace: NAMESPACE,
    taskQueue: required('BENCH_BASELINE_TASK_QUEUE'),
    workflowBundle: { codePath: required('BENCH_BASELINE_BUNDLE') },
    dataConverter,
  });
  const running = Promise.all([paths.run(), baseline.run()]);
  const { maxCachedWorkflows, reuseV8Context, workflowThreadPoolSize } = paths.options;
  process.send?.({ type: 'ready', settings: `maxCachedWorkflows=${maxCachedWorkflows} reuseV8Context=${reuseV8Context} workflowThreadPoolSize=${workflowThreadPoolSize}` });
  await running;
  await Promise.allSettled([pool.end(), connection.close()]);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

main().catch((error: unknown) => {
  console.error('bench worker failed', error);
  process.exit(1);
});
