import { Topics } from '@polku/contracts';
import { appendToStream } from '@polku/event-store';
import { pathStartEvents } from '@polku/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { renameTopic } from '../env/topics';
import { type Benchmark, type BenchContext } from '../suite/benchmark';
import { check, type Check, msOf, row } from '../suite/result';
import { sleepMs } from '../support/limits';
import { pathIdOf } from '../support/paths';
import { progress } from '../support/progress';
import { spread } from '../support/stats';
import { Arrivals } from './b6-arrivals';
import { type Paced, paced } from './b6-steady-load';

const P99_RATIO = 2;
const TAG = 'b6000000';
const PROBE_TAG = 'b6f00000';
const APPEND_POOL_SIZE = 10;
const PROBE_WITHIN_MS = 30_000;
const PROBE_EVERY_MS = 1_000;

/**
 * B6 — commit → consumer latency under a steady load: paths appended at a fixed rate while the
 * relay (with the projections, as the relay app runs) publishes them, each latency from the
 * append's commit to a consumer of the events topic receiving it; against raw sends at the same
 * rate on the same broker with the relay's producer settings, from the send to the same consumer.
 */
export const b6CommitLatency: Benchmark = {
  id: 'B6',
  title: 'commit → consumer latency under steady load',
  needs: { relay: true, topics: true },
  async run(ctx) {
    const eventsTopic = renameTopic(ctx.env.topics.prefix, Topics.events);
    const arrivals = await Arrivals.start(ctx.env.kafka, `polku-bench-${ctx.env.runId}-b6`, [eventsTopic, ctx.env.topics.raw]);
    const producer = ctx.env.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    const pool = ctx.env.db.ownerPool(APPEND_POOL_SIZE);
    const relay = await ctx.env.children.relay();
    try {
      await producer.connect();
      await relay.startRelay(true);
      progress('B6: probing both routes');
      await probe(ctx, arrivals, producer, pool);
      const { perSecond, seconds } = ctx.profile.b6;
      progress(`B6 raw: ${perSecond}/s for ${seconds} s`);
      const raw = await paced(perSecond, seconds, ctx.deadline, (i) => sendRaw(ctx, producer, i));
      await settle(ctx, arrivals, raw);
      progress(`B6 ours: ${perSecond} appends/s for ${seconds} s`);
      const ours = await paced(perSecond, seconds, ctx.deadline, (i) => appendOne(pool, TAG, i));
      await settle(ctx, arrivals, ours);
      const [oursMs, rawMs] = [latencies(arrivals, ours), latencies(arrivals, raw)];
      return {
        rows: [
          row('commit → consumer p99', msOf(spread(oursMs).p99), msOf(spread(rawMs).p99), { kind: 'ratio-at-most', max: P99_RATIO }),
          row('commit → consumer p50', msOf(spread(oursMs).p50), msOf(spread(rawMs).p50), { kind: 'printed' }),
        ],
        checks: [delivered('every appended event reached the consumer once', arrivals, ours), delivered('every raw message reached the consumer once', arrivals, raw)],
        notes: [describe('ours', ours, oursMs), describe('raw', raw, rawMs), `${perSecond}/s for ${seconds} s each; the relay with its NOTIFY listener and the projections running, as in the relay app`],
      };
    } finally {
      await Promise.allSettled([ctx.env.children.stopRelay(), producer.disconnect(), arrivals.close(), pool.end()]);
    }
  },
};

async function appendOne(pool: Pool, tag: string, index: number): Promise<{ id: string; at: number }> {
  const pathId = pathIdOf(tag, index);
  const [started] = pathStartEvents(pathId, index);
  if (!started) throw new Error('no PathStarted to append');
  await appendToStream(pool, pathId, 0, [started]);
  return { id: started.eventId, at: performance.now() };
}

async function sendRaw(ctx: BenchContext, producer: Producer, index: number): Promise<{ id: string; at: number }> {
  const id = randomUUID();
  const [started] = pathStartEvents(pathIdOf(TAG, index), index);
  const at = performance.now();
  await producer.send({ topic: ctx.env.topics.raw, acks: -1, messages: [{ key: id, value: JSON.stringify(started), headers: { 'event-id': id } }] });
  return { id, at };
}

/** Both routes deliver before anything is measured: the group has its partitions, the relay its lease. */
async function probe(ctx: BenchContext, arrivals: Arrivals, producer: Producer, pool: Pool): Promise<void> {
  const giveUpAt = Date.now() + PROBE_WITHIN_MS;
  for (let i = 0; Date.now() < giveUpAt; i++) {
    const ids = [(await appendOne(pool, PROBE_TAG, i)).id, (await sendRaw(ctx, producer, i)).id];
    await sleepMs(PROBE_EVERY_MS);
    if (ids.every((id) => arrivals.at.has(id))) return;
  }
  throw new Error(`B6: nothing arrived within ${PROBE_WITHIN_MS / 1000} s of probing`);
}

async function settle(ctx: BenchContext, arrivals: Arrivals, load: Paced): Promise<void> {
  const giveUpAt = Date.now() + ctx.profile.b6.settleS * 1000;
  while (arrivals.countOf(load.startedAt.keys()).arrived < load.sent && Date.now() < giveUpAt && !ctx.deadline.abortedBecause) await sleepMs(100);
}

function latencies(arrivals: Arrivals, load: Paced): number[] {
  return [...load.startedAt].flatMap(([id, at]) => {
    const arrived = arrivals.at.get(id);
    return arrived === undefined ? [] : [arrived - at];
  });
}

function delivered(name: string, arrivals: Arrivals, load: Paced): Check {
  const { arrived, twice } = arrivals.countOf(load.startedAt.keys());
  return check(name, load.failed === 0 && load.behind === 0 && arrived === load.sent && twice === 0, `${load.sent} sent, ${load.failed} failed, ${load.behind} ticks behind; ${arrived} arrived, ${twice} more than once`);
}

function describe(side: string, load: Paced, ms: readonly number[]): string {
  const { p50, p99, max } = spread(ms);
  return `${side}: ${load.sent} messages, latency p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms${load.errors.length ? ` [${load.errors.join(' | ')}]` : ''}`;
}
