import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOWS_PATH, workflowBundlerOptions } from './workflow-bundle';

function recordingLogger(): { logger: Parameters<typeof bundleWorkflowCode>[0]['logger']; errors: string[] } {
  const errors: string[] = [];
  const noop = (): void => undefined;
  return {
    errors,
    logger: { trace: noop, debug: noop, info: noop, warn: noop, log: noop, error: (message: string) => void errors.push(message) },
  };
}

describe('workflow bundle', () => {
  it('bundles the project workflows', async () => {
    const { logger } = recordingLogger();
    const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...workflowBundlerOptions(), logger });
    expect(code).toContain('servicePathWorkflow');
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
