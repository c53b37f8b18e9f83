import { bundleWorkflows, FAILURE_CONVERTER_PATH } from '@polku/temporal';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Bundles {
  /** Ours, exactly as apps/worker bundles it. */
  readonly paths: string;
  /** The baselines, with the same failure converter (payloads encrypted the same way). */
  readonly baseline: string;
}

/**
 * Both workflow bundles, built here once and written to `dir`, so the worker processes load
 * code instead of running webpack (which would land in the RSS B7 measures).
 */
export async function buildBundles(dir: string): Promise<Bundles> {
  const logger = new DefaultLogger('WARN');
  const [paths, baseline] = await Promise.all([
    bundleWorkflows(logger),
    bundleWorkflowCode({ workflowsPath: join(__dirname, '..', 'baseline', 'baseline.workflows.ts'), failureConverterPath: FAILURE_CONVERTER_PATH, logger }),
  ]);
  const files = { paths: join(dir, 'paths.workflows.js'), baseline: join(dir, 'baseline.workflows.js') };
  writeFileSync(files.paths, paths.code);
  writeFileSync(files.baseline, baseline.code);
  return files;
}
