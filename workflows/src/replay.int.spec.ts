import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKFLOWS_PATH, workflowBundlerOptions } from '@polku/temporal';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { HISTORIES_DIR } from './testing/path-harness';

/**
 * Histories recorded from earlier versions of the workflow (committed in __histories__,
 * refreshed with RECORD_HISTORIES=1) must replay with today's code: a change that would
 * break running paths fails here, and belongs behind patched().
 */
describe('replay of recorded service-path histories', () => {
  const files = existsSync(HISTORIES_DIR) ? readdirSync(HISTORIES_DIR).filter((file) => file.endsWith('.json')) : [];

  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    // One bundle for every history: bundling is the slow part of a replay.
    bundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...workflowBundlerOptions() });
  }, 120_000);

  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('replays %s without nondeterminism', async (file) => {
    const history = JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle }, history, `path-${file.replace(/\.json$/, '')}`),
    ).resolves.toBeUndefined();
  });
});
