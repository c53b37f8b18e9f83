import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode, type BundleOptions, type WorkerOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from './codec/data-converter';

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

/**
 * The workflow bundle exactly as apps/worker builds it (`Worker.create` takes the failure
 * converter from its data converter): the aliases, and failures encoded for the payload codec.
 */
export function bundleWorkflows(logger?: BundleOptions['logger']): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, ...workflowBundlerOptions(), failureConverterPath: FAILURE_CONVERTER_PATH, ...(logger === undefined ? {} : { logger }) });
}
