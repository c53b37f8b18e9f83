import { CLUSTER_CHILD_FLAG } from './cluster-env';
import { clusterRunning, runClusterChild } from './child';
import { Phases, print, say } from '../log';
import { ClusterStack, printClusterEndpoints } from './stack';
import { printScale, runScaleBench } from './bench/run-bench';
import { parseScaleArgs } from './bench/scale-profile';
import { parseSuiteArgs } from './suite/profile';
import { suiteSummary } from './suite/report';
import { runClusterSuite } from './suite/run-suite';
import { runSuiteChild } from './suite/test-phase';

/** Bringing the cluster up the first time builds Temporal (minutes); after that it starts in a few. */
const UP_LIMIT_MS = 40 * 60_000;
const DOWN_LIMIT_MS = 5 * 60_000;

const inChild = (): boolean => process.env[CLUSTER_CHILD_FLAG] === '1';

/** `npm run cluster [-- --stop | --status]`, in the child on the cluster's layout. */
async function clusterInChild(args: readonly string[], appEnv: NodeJS.ProcessEnv): Promise<number> {
  const stack = new ClusterStack(appEnv);
  if (args.includes('--stop')) {
    const stopped = await stack.down();
    say(stopped.length > 0 ? `cluster stopped: ${stopped.join(', ')}` : 'the cluster was not running');
    return 0;
  }
  if (args.includes('--status')) return (await stack.status()) ? 0 : 1;
  const phases = new Phases();
  await stack.up(phases);
  phases.report();
  printClusterEndpoints();
  return 0;
}

function checkArgs(args: readonly string[]): void {
  const unknown = args.filter((arg) => !['--stop', '--status'].includes(arg));
  if (unknown.length > 0) throw new Error(`cluster: unknown arguments ${unknown.join(' ')} (use --stop or --status)`);
}

/** The CLI's `cluster` command: in the parent it starts the child; in the child it acts. */
export function clusterCommand(appEnv: NodeJS.ProcessEnv): (args: readonly string[]) => Promise<number> {
  return async (args) => {
    checkArgs(args);
    if (inChild()) return clusterInChild(args, appEnv);
    const limitMs = args.length > 0 ? DOWN_LIMIT_MS : UP_LIMIT_MS;
    return runClusterChild('cluster', args, { limitMs });
  };
}

/** `npm stop`: the cluster too, when any of it runs. */
export async function stopClusterIfRunning(): Promise<void> {
  if (!clusterRunning()) return;
  await runClusterChild('cluster', ['--stop'], { limitMs: DOWN_LIMIT_MS });
}

/** `npm run status`: the cluster's services too, when any of it runs; true when all are healthy (or it is not there). */
export async function clusterStatusIfRunning(): Promise<boolean> {
  if (!clusterRunning()) return true;
  return (await runClusterChild('cluster', ['--status'], { limitMs: DOWN_LIMIT_MS })) === 0;
}

/** `npm run test:cluster [-- --full --keep --only=C1,C3]`: the failover suite on the cluster (docs/cluster.md). */
export function clusterTestCommand(appEnv: NodeJS.ProcessEnv): (args: readonly string[]) => Promise<number> {
  return async (args) => {
    const options = parseSuiteArgs(args);
    if (!inChild()) {
      const run = await runSuiteChild(args);
      return run.report?.verdict === 'passed' ? 0 : run.code || 1;
    }
    const phases = new Phases();
    const report = await runClusterSuite(options, appEnv, phases);
    phases.report();
    if (!options.quiet) for (const line of ['', ...suiteSummary(report)]) print(line);
    return report.verdict === 'passed' ? 0 : 1;
  };
}

/** `npm run bench:scale [-- --starts= --storm= --backlog= --concurrency=]` (docs/capacity.md). */
export function benchScaleCommand(appEnv: NodeJS.ProcessEnv): (args: readonly string[]) => Promise<number> {
  return async (args) => {
    const profile = parseScaleArgs(args);
    if (!inChild()) return runClusterChild('bench-scale', args, { limitMs: UP_LIMIT_MS + profile.runDeadlineMs });
    const phases = new Phases();
    const results = await runScaleBench(profile, appEnv, phases);
    phases.report();
    printScale(results);
    return 0;
  };
}
