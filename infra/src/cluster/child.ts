import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../process';
import { runStackChild } from '../stack-child';
import { CLUSTER_HOME, clusterStackEnv } from './cluster-env';

/**
 * Runs `infra/src/cli.ts <command> <args>` in a child with the cluster's environment; output to
 * our terminal, or to `logFile`; killed after `limitMs`.
 */
export function runClusterChild(command: string, args: readonly string[], options: { limitMs: number; logFile?: string }): Promise<number> {
  return runStackChild(command, args, clusterStackEnv(), options);
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
