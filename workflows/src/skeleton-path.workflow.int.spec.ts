import type { PathActivities, PathStartedResult, StartPathInput } from '@polku/contracts';
import { PATH_TASK_QUEUE } from '@polku/contracts';
import { WORKFLOWS_PATH, workflowBundlerOptions } from '@polku/temporal';
import { createTimeSkippingEnv } from '@polku/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';

const input: StartPathInput = {
  pathId: 'p-0001',
  clientReference: 'cref_0123456789abcdef',
  employmentArea: 'Hattula',
  startedAt: '2026-01-05T08:00:00.000Z',
};

describe('skeletonPathWorkflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(() => env?.teardown());

  async function run(activities: PathActivities, workflowId: string): Promise<PathStartedResult> {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: PATH_TASK_QUEUE,
      workflowsPath: WORKFLOWS_PATH,
      bundlerOptions: workflowBundlerOptions(),
      activities,
    });
    return worker.runUntil(env.client.workflow.execute('skeletonPathWorkflow', { taskQueue: PATH_TASK_QUEUE, workflowId, args: [input] }));
  }

  it('records the path start once, with the input it was started with', async () => {
    const calls: StartPathInput[] = [];
    const result = await run(
      {
        recordPathStarted: async (given) => {
          calls.push(given);
          return { pathId: given.pathId, eventId: 'e-1' };
        },
      },
      'path-once',
    );
    expect(result).toEqual({ pathId: 'p-0001', eventId: 'e-1' });
    expect(calls).toEqual([input]);
  });

  it('retries the activity while the infrastructure is down, and finishes once it is back', async () => {
    let calls = 0;
    const result = await run(
      {
        recordPathStarted: async (given) => {
          calls += 1;
          if (calls < 3) throw new Error('broker unavailable');
          return { pathId: given.pathId, eventId: 'e-3' };
        },
      },
      'path-retry',
    );
    expect(result).toEqual({ pathId: 'p-0001', eventId: 'e-3' });
    expect(calls).toBe(3);
  });
});
