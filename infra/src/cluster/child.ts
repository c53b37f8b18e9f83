import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../process';
import { ROOT } from '../layout';
import { CLUSTER_HOME, clusterStackEnv } from './cluster-env';

/** After the time limit, SIGINT (the child stops its work and cleans up), then SIGKILL this much later. */
const CLEANUP_GRACE_MS = 3 * 60_000;

/**
 * Runs `infra/src/cli.ts <command> <args>` in a child with the cluster's environment (its own
 * POLKU_HOME and shifted ports: layout.ts reads them at import). Output to our terminal, or to
 * `logFile`. Killed after `limitMs`, so no caller waits for ever.
 */
export function runClusterChild(command: string, args: readonly string[], options: { limitMs: number; logFile?: string }): Promise<number> {
  const out = options.logFile === undefined ? 'inherit' : openSync(options.logFile, 'w');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'infra', 'src', 'cli.ts'), command, ...args], {
    cwd: ROOT,
    env: { ...clusterStackEnv(), SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
    stdio: ['ignore', out, out],
  });
  if (typeof out === 'number') closeSync(out);
  // Ctrl-C reaches the child too (same process group): it cleans up; wait for it.
  const ignore = (): void => undefined;
  process.on('SIGINT', ignore);
  const interrupt = setTimeout(() => child.kill('SIGINT'), options.limitMs);
  const kill = setTimeout(() => child.kill('SIGKILL'), options.limitMs + CLEANUP_GRACE_MS);
  return new Promise((resolve) => {
    const done = (code: number): void => {
      clearTimeout(interrupt);
      clearTimeout(kill);
      process.off('SIGINT', ignore);
      resolve(code);
    };
    child.on('error', () => done(1));
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** Whether any process of the cluster runs (a pid file under .polku/cluster/run naming a live process). */
export function clusterRunning(): boolean {
  const run = join(CLUSTER_HOME, 'run');
  if (!existsSync(run)) return false;
  const pids = readdirSync(run)
    .filter((file) => file.endsWith('.pid'))
    .map((file) => Number(readFileSync(join(run, file), 'utf8').trim()));
  const postmaster = join(CLUSTER_HOME, 'data', 'postgres', 'postmaster.pid');
  if (existsSync(postmaster)) pids.push(Number(readFileSync(postmaster, 'utf8').split('\n')[0]));
  return pids.some((pid) => Number.isInteger(pid) && pid > 0 && isAlive(pid));
}
