import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@polku/config';
import { connectTemporalClient } from '@polku/temporal';
import { Pool } from 'pg';
import { unboundedController } from '../../chaos/bounded';
import { KafkaTap } from '../../chaos/kafka-tap';
import { HOST, Ports } from '../../layout';
import { print, say, type Phases } from '../../log';
import { DATABASE_URL } from '../../postgres';
import { CLUSTER_ARTIFACTS } from '../cluster-env';
import { ClusterStack } from '../stack';
import { consumerDrain, deadlineStorm, pathStarts, type BenchContext, type Measured } from './scenarios';
import type { ScaleProfile } from './scale-profile';

export const SCALE_FILE = join(CLUSTER_ARTIFACTS, 'scale.json');

export interface Comparison {
  readonly scenario: string;
  readonly unit: string;
  readonly one: Measured;
  readonly two: Measured;
  /** rate(2) / (2 · rate(1)): 1 is linear scaling, 0.5 no gain. */
  readonly efficiency: number;
}

async function compare(scenario: string, unit: string, measure: (replicas: 1 | 2) => Promise<Measured>): Promise<Comparison> {
  const one = await measure(1);
  const two = await measure(2);
  return { scenario, unit, one, two, efficiency: two.rate / (2 * one.rate) };
}

const cpuNote = (m: Measured): string => `${m.cpu.machinePercent.toFixed(0)}% of ${m.cpu.cores} cores (${m.cpu.top.map((t) => `${t.role} ${t.percentOfCore.toFixed(0)}%`).join(', ')})`;

export function scaleTable(results: readonly Comparison[]): string[] {
  return results.flatMap((r) => [
    `${r.scenario.padEnd(32)} 1: ${r.one.rate.toFixed(1).padStart(7)} ${r.unit}   2: ${r.two.rate.toFixed(1).padStart(7)} ${r.unit}   efficiency ${r.efficiency.toFixed(2)}`,
    `${''.padEnd(32)} CPU with 1: ${cpuNote(r.one)}`,
    `${''.padEnd(32)} CPU with 2: ${cpuNote(r.two)}`,
  ]);
}

/** `npm run bench:scale`: on the cluster (brought up if needed), 1 vs 2 replicas of the worker and of a consumer group. */
export async function runScaleBench(profile: ScaleProfile, appEnv: NodeJS.ProcessEnv, phases: Phases): Promise<Comparison[]> {
  const stack = new ClusterStack(appEnv);
  await stack.up(phases);
  const controller = unboundedController();
  setTimeout(() => controller.abort(new Error('bench:scale deadline reached')), profile.runDeadlineMs).unref();
  const pool = new Pool({ connectionString: DATABASE_URL, max: 4 });
  const client = await connectTemporalClient({ ...loadConfig().temporal, address: `${HOST}:${Ports.temporal}` });
  const runId = Date.now().toString(36);
  const tap = new KafkaTap();
  await tap.start(runId);
  const ctx: BenchContext = { appEnv, client, pool, tap, profile, runId, signal: controller.signal, progress: say };
  try {
    const starts = await phases.run('bench: path starts, 1 vs 2 workers', () => compare('path starts', 'paths/s', (n) => pathStarts(ctx, n)));
    const storm = await phases.run('bench: deadline storm, 1 vs 2 workers', () => compare('deadline storm', 'items/s', (n) => deadlineStorm(ctx, n, starts.one.rate)));
    const drain = await phases.run('bench: relay → municipal group, 1 vs 2', () => compare('relay → consumer group (6 partitions)', 'events/s', (n) => consumerDrain(ctx, n)));
    const results = [starts, storm, drain];
    mkdirSync(CLUSTER_ARTIFACTS, { recursive: true });
    writeFileSync(SCALE_FILE, `${JSON.stringify({ at: new Date().toISOString(), profile, results }, null, 2)}\n`);
    return results;
  } finally {
    await Promise.allSettled([tap.stop(), pool.end(), client.connection.close()]);
    // Leave the cluster as `npm run cluster` runs it: two of everything.
    await stack.restore();
  }
}

export function printScale(results: readonly Comparison[]): void {
  print('\nbench:scale (efficiency = rate(2) / (2 · rate(1)); .polku/artifacts/cluster/scale.json):');
  for (const line of scaleTable(results)) print(line);
}
