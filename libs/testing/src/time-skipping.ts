import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { temporalDataConverter } from '@polku/temporal';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';

// Where infra/src/test-server.ts installs the wrapper (npm test also passes it explicitly).
const INSTALLED = join(resolve(__dirname, '..', '..', '..'), '.polku', 'cache', 'temporal-test-server', 'bin', 'temporal-test-server');

/**
 * Starts Temporal's Java time-skipping test server that infra/ installed (npm test sets
 * TEMPORAL_TEST_SERVER_PATH). Nothing is downloaded at test time. Its client encrypts payloads
 * as every client does: give the test's workers `temporalDataConverter()` too.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env['TEMPORAL_TEST_SERVER_PATH'] ?? (existsSync(INSTALLED) ? INSTALLED : undefined);
  if (!path) throw new Error('The Temporal test server is not installed: run npm test (it installs it)');
  installQuietRuntime();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } }, client: { dataConverter: temporalDataConverter() } });
    } catch (error) {
      // The SDK gives the JVM a fixed 5 s to listen; on a busy machine it can take longer.
      if (attempt >= START_ATTEMPTS || !/did not start within/.test(String(error))) throw error;
    }
  }
}

/** Starts of the Java test server tried before a test file gives up. */
const START_ATTEMPTS = 4;

let runtimeInstalled = false;

function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}
