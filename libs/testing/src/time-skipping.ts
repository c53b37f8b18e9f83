import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';

/**
 * Starts Temporal's Java time-skipping test server that infra/ installed (npm test sets
 * TEMPORAL_TEST_SERVER_PATH). Nothing is downloaded at test time.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env['TEMPORAL_TEST_SERVER_PATH'];
  if (!path) throw new Error('TEMPORAL_TEST_SERVER_PATH is not set: run the suite with npm test');
  installQuietRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
}

let runtimeInstalled = false;

function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}
