import { Topics } from '@polku/contracts';
import { CONSUMER_GROUP_PREFIXES } from '@polku/kafka';
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { pollUntil } from '../../chaos/bounded';
import type { KafkaTap } from '../../chaos/kafka-tap';
import type { ClusterApp } from '../cluster-apps';
import { measureCpu, type CpuUse } from './cpu';
import type { ScaleProfile } from './scale-profile';
import { INSTANCES } from '../cluster-ports';
import { groupState } from '../kafka/kafka-cluster';
import { scaleTo } from './topology';
import { municipalApplied, outboxDrained, startPaths, startStormAt, waitForFirings } from './workloads';

/** One measurement: a rate at a replica count, and the CPU it took. */
export interface Measured {
  readonly replicas: 1 | 2;
  readonly count: number;
  readonly seconds: number;
  readonly rate: number;
  readonly cpu: CpuUse;
}

export interface BenchContext {
  readonly appEnv: NodeJS.ProcessEnv;
  readonly client: Client;
  readonly pool: Pool;
  readonly tap: KafkaTap;
  readonly profile: ScaleProfile;
  readonly runId: string;
  readonly signal: AbortSignal;
  readonly progress: (message: string) => void;
}

const area = (ctx: BenchContext, what: string, replicas: number): string => `Bench ${ctx.runId} ${what} ${replicas}`;
const plan = (ctx: BenchContext, what: string, replicas: number, paths: number) => ({ paths, concurrency: ctx.profile.concurrency, employmentArea: area(ctx, what, replicas), tag: `bench-${ctx.runId}-${what}-${replicas}` });

async function withReplicas(ctx: BenchContext, app: ClusterApp, replicas: 0 | 1 | 2): Promise<void> {
  ctx.progress(`${app}: ${replicas} instance${replicas === 1 ? '' : 's'}`);
  await scaleTo(ctx.appEnv, app, replicas);
}

/** Path starts (workflow + StartPath Update, as the API does) with 1 or 2 workers. */
export async function pathStarts(ctx: BenchContext, replicas: 1 | 2): Promise<Measured> {
  await withReplicas(ctx, 'worker', replicas);
  const cpu = measureCpu();
  const begun = Date.now();
  const count = await startPaths(ctx.client, plan(ctx, 'starts', replicas, ctx.profile.starts), ctx.signal);
  const seconds = (Date.now() - begun) / 1000;
  return { replicas, count, seconds, rate: count / seconds, cpu: cpu() };
}

/** A storm: every item due in the same second; the rate is items fired per second from that second on. */
export async function deadlineStorm(ctx: BenchContext, replicas: 1 | 2, startRate: number): Promise<Measured> {
  await withReplicas(ctx, 'worker', replicas);
  const { stormPaths, concurrency } = ctx.profile;
  // Due once every path has started (at the measured start rate), with a margin.
  const dueAt = Date.now() + (stormPaths / Math.max(startRate, 1)) * 1000 * ctx.profile.stormStartMargin + ctx.profile.stormLeadMs;
  const p = plan(ctx, 'storm', replicas, stormPaths);
  const started = await startStormAt(ctx.client, { ...p, concurrency }, dueAt, ctx.signal);
  const cpu = measureCpu();
  const seen = await waitForFirings(ctx.pool, p.employmentArea, started, ctx.profile.phaseTimeoutMs, ctx.signal);
  const seconds = Math.max(0.001, (seen.last - Math.min(seen.first, dueAt)) / 1000);
  return { replicas, count: seen.count, seconds, rate: seen.count / seconds, cpu: cpu() };
}

/** The area's events the relay put on the municipal topic, once it has published them all. */
async function municipalBacklog(ctx: BenchContext, employmentArea: string): Promise<string[]> {
  await pollUntil(async () => ((await outboxDrained(ctx.pool, employmentArea)) ? true : undefined), { timeoutMs: ctx.profile.phaseTimeoutMs, intervalMs: 500, signal: ctx.signal });
  const { rows } = await ctx.pool.query<{ id: string }>(`SELECT event_id::text AS id FROM events WHERE stream_id IN (SELECT stream_id FROM events WHERE event_type = 'PathStarted' AND data->>'employmentArea' = $1)`, [employmentArea]);
  const log = ctx.tap.topic(Topics.municipal);
  return rows.map((row) => row.id).filter((id) => log.has(id));
}

/** The group's members have their partitions: no rebalance will pause the drain that follows. */
async function groupSettled(ctx: BenchContext, groupId: string, members: number): Promise<void> {
  const settled = await pollUntil(async () => {
    const group = await groupState(groupId);
    return group.state === 'Stable' && group.members === members ? true : undefined;
  }, { timeoutMs: ctx.profile.phaseTimeoutMs, intervalMs: 500, signal: ctx.signal });
  if (settled.value === undefined) throw new Error(`bench:scale: consumer group ${groupId} did not settle with ${members} members`);
}

/**
 * The relay → municipal consumer group with 1 or 2 instances (six partitions split between
 * them). The backlog waits in the outbox with the relays stopped while the group forms, so the
 * second instance's join (a rebalance that pauses both) is not measured; then the relays
 * publish it and the group drains it. The rate counts from the first applied event to the last.
 */
export async function consumerDrain(ctx: BenchContext, replicas: 1 | 2): Promise<Measured> {
  await withReplicas(ctx, 'municipal-consumer', 0);
  await withReplicas(ctx, 'relay', 0);
  const p = plan(ctx, 'consumers', replicas, ctx.profile.backlogPaths);
  await startPaths(ctx.client, p, ctx.signal);
  await withReplicas(ctx, 'municipal-consumer', replicas);
  await groupSettled(ctx, CONSUMER_GROUP_PREFIXES.municipal, replicas);
  const cpu = measureCpu();
  await withReplicas(ctx, 'relay', INSTANCES.length);
  const backlog = await municipalBacklog(ctx, p.employmentArea);
  const done = await pollUntil(async () => {
    const applied = await municipalApplied(ctx.pool, backlog);
    return applied.count >= backlog.length ? applied : undefined;
  }, { timeoutMs: ctx.profile.phaseTimeoutMs, intervalMs: 500, signal: ctx.signal });
  const applied = done.value ?? (await municipalApplied(ctx.pool, backlog));
  const seconds = Math.max(0.001, (applied.last - applied.first) / 1000);
  return { replicas, count: applied.count, seconds, rate: applied.count / seconds, cpu: cpu() };
}
