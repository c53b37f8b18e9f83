import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the rollout test's workers run the released activities, as apps/worker does
import { createServicePathActivities } from '@polku/activities';
import { databaseUrlFor, loadConfig } from '@polku/config';
import { createPool } from '@polku/event-store';
import { temporalDataConverter, workflowBundlerOptions } from '@polku/temporal';
import { NativeConnection, Worker } from '@temporalio/worker';
import { HOST, Ports } from '../../layout';
import { DATABASE_URL } from '../../postgres';

export type Build = 'a' | 'b';

export interface RunningBuild {
  readonly build: Build;
  stop(): Promise<void>;
}

/**
 * A worker of one build on the rollout test's own task queue, polling as a version of a worker
 * deployment. Its paths use AUTO_UPGRADE: a path moves to the deployment's current version at
 * its next workflow task (a months-long path must not hold an old build for ever).
 */
export async function startBuild(build: Build, deploymentName: string, taskQueue: string): Promise<RunningBuild> {
  const config = loadConfig({ ...process.env, DATABASE_URL });
  const pool = createPool(databaseUrlFor(config, 'worker'), 4);
  const connection = await NativeConnection.connect({ address: `${HOST}:${Ports.temporal}` });
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue,
    workflowsPath: join(__dirname, `build-${build}.workflow.ts`),
    bundlerOptions: workflowBundlerOptions(),
    dataConverter: temporalDataConverter(),
    activities: createServicePathActivities({ pool }),
    workerDeploymentOptions: { version: { deploymentName, buildId: build }, useWorkerVersioning: true, defaultVersioningBehavior: 'AUTO_UPGRADE' },
  });
  const running = worker.run();
  return {
    build,
    async stop() {
      worker.shutdown();
      await running.catch(() => undefined);
      await Promise.allSettled([pool.end(), connection.close()]);
    },
  };
}
