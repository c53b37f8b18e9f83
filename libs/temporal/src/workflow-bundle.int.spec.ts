import { bundleWorkflowCode } from '@temporalio/worker';
import { bundleWorkflows, workflowBundlerOptions } from './workflow-bundle';

function recordingLogger(): { logger: Parameters<typeof bundleWorkflowCode>[0]['logger']; errors: string[] } {
  const errors: string[] = [];
  const noop = (): void => undefined;
  return {
    errors,
    logger: { trace: noop, debug: noop, info: noop, warn: noop, log: noop, error: (message: string) => void errors.push(message) },
  };
}

describe('workflow bundle', () => {
  // Which workflow types the bundle registers is checked by the compiler (apps/worker's
  // registered-workflows.ts) and by running them (workflows/ and the e2e tests); here, that the
  // bundle the worker and the replay tests load builds at all: a broken import, an I/O package in
  // workflow code or a wrong WORKFLOWS_PATH fails it.
  it('bundles the project workflows as the worker does, with no error logged', async () => {
    const { logger, errors } = recordingLogger();
    await bundleWorkflows(logger);
    expect(errors).toEqual([]);
  });

  it('resolves @polku/* imports in workflow code only through the alias hook', async () => {
    const fixture = require.resolve('./testing/aliased.workflow.ts');
    const without = recordingLogger();
    await expect(bundleWorkflowCode({ workflowsPath: fixture, logger: without.logger })).rejects.toThrow(/Webpack finished with errors/);
    expect(without.errors.join('\n')).toMatch(/Can't resolve '@polku\/contracts'/);

    const { code } = await bundleWorkflowCode({ workflowsPath: fixture, ...workflowBundlerOptions(), logger: recordingLogger().logger });
    expect(code).toContain('polku-service-path');
  });
});
