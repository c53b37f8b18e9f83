import { join } from 'node:path';
import { temporalDataConverter } from '@polku/temporal';
import { createTimeSkippingEnv } from '@polku/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Proves the Java time-skipping test server installed by infra/ works as an `existing-path`
 * executable: a workflow that sleeps 30 days completes, and its clock moved 30 days.
 */
describe('Temporal time-skipping test server (existing-path executable)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(() => env?.teardown());

  it('runs a 30-day sleep to completion with the workflow clock 30 days later', async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'time-skipping-proof',
      workflowsPath: join(__dirname, 'fixtures', 'thirty-day-sleep.workflow.ts'),
      dataConverter: temporalDataConverter(),
    });
    const result = await worker.runUntil(
      env.client.workflow.execute('thirtyDaySleepWorkflow', { taskQueue: 'time-skipping-proof', workflowId: 'sleep-30-days' }),
    );
    expect(result.wokeAt - result.startedAt).toBeGreaterThanOrEqual(THIRTY_DAYS_MS);
    expect(result.wokeAt - result.startedAt).toBeLessThan(THIRTY_DAYS_MS + 60_000);
  });
});
