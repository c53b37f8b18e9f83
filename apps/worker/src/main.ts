import { createServicePathActivities } from '@polku/activities';
import { databaseUrlFor, loadConfig } from '@polku/config';
import { PATH_TASK_QUEUE } from '@polku/contracts';
import { createPool } from '@polku/event-store';
import { temporalDataConverter, WORKFLOWS_PATH, workflowBundlerOptions } from '@polku/temporal';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import pino from 'pino';
import { startHealthServer } from './health-server';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ name: 'worker', level: config.logLevel });
  Runtime.install({
    logger: new DefaultLogger('WARN', (entry) => log.warn({ temporal: entry.meta }, entry.message)),
  });

  // Its own role: events, outbox, active paths, notifications (docs/security.md).
  const pool = createPool(databaseUrlFor(config, 'worker'));
  const { address, tls } = config.temporal;
  const connection = await NativeConnection.connect({ address, ...(tls === undefined ? {} : { tls }) });

  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: PATH_TASK_QUEUE,
    workflowsPath: WORKFLOWS_PATH,
    bundlerOptions: workflowBundlerOptions(),
    // Payloads are encrypted both ways (docs/payload-encryption.md); its failure converter is
    // bundled into the workflow code from here too. Without keys the worker refuses to start.
    dataConverter: temporalDataConverter(),
    activities: createServicePathActivities({ pool }),
    // Each cached path costs V8 heap (docs/benchmarks.md measures it); past the cache a path is
    // replayed from history on its next task, which is correct, only slower.
    maxCachedWorkflows: config.worker.maxCachedWorkflows,
  });
  const health = await startHealthServer(config.api.host, config.worker.healthPort, () => ({
    ok: worker.getState() === 'RUNNING',
    state: worker.getState(),
  }));
  log.info({ taskQueue: PATH_TASK_QUEUE, healthPort: config.worker.healthPort }, 'worker started');

  // Runtime.install wires SIGINT/SIGTERM to a graceful worker shutdown; run() resolves after it.
  await worker.run();
  health.close();
  await Promise.allSettled([pool.end(), connection.close()]);
  log.info('worker stopped');
}

main().catch((error: unknown) => {
  pino({ name: 'worker' }).fatal({ err: error }, 'worker failed');
  process.exit(1);
});
