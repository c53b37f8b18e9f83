import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';

const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..');

/** The file whose exports are the project's workflows. */
export const WORKFLOWS_PATH = join(WORKSPACE_ROOT, 'workflows', 'src', 'index.ts');

/**
 * Temporal bundles workflow code with webpack; teach it the `@polku/*` aliases from
 * tsconfig.base.json so workflows import contracts and domain exactly as the rest of the code does.
 */
export function workflowBundlerOptions(): NonNullable<WorkerOptions['bundlerOptions']> {
  const tsconfig = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const alias = Object.fromEntries(
    // Exact matches (`$`): an alias is a file, so `@polku/x` must not also swallow `@polku/x/sub`.
    Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => [`${name}$`, join(WORKSPACE_ROOT, target ?? '')]),
  );
  return {
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...alias } },
    }),
  };
}
