/* eslint-disable no-console -- a benchmark prints to a terminal */
import { randomUUID } from 'node:crypto';
import { kafkaFor, loadConfig } from '@polku/config';
import { appendToStream, createPool } from '@polku/event-store';
import { createKafka, ensureTopics } from '@polku/kafka';
import type { Pool } from 'pg';
import { percentile, timed } from './pipeline/measure';
import { pathStartEvents } from '@polku/testing';
import { LatencyProbe } from './pipeline/latency-probe';
import { relayApp } from './pipeline/relay-app';
import { drainWithRelay } from './pipeline/relay-drain';

/**
 * bench:pipeline — the event pipeline against its raw baselines, in one run on this machine:
 *   append events/s            vs. single-row INSERTs/s (same pool, same concurrency)
 *   relay messages/s           vs. a raw kafkajs producer with the relay's settings
 *   commit → consumer p50/p99  vs. raw produce → consume p50/p99
 * Needs `npm start` (PostgreSQL, Kafka, the relay). Bounded: N paths, M latency samples, a deadline.
 */
const N = Number(process.env['BENCH_N'] ?? 1_000);
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 200);
const CONCURRENCY = 8;
const DEADLINE = Date.now() + 8 * 60_000;
const BENCH_TOPIC = 'polku.bench.raw.v1';

async function main(): Promise<void> {
  const config = loadConfig();
  const pool = createPool(config.databaseUrl, CONCURRENCY + 2);
  const admin = createKafka(config.kafka);
  await ensureTopics(admin, [{ topic: BENCH_TOPIC, numPartitions: 6, replicationFactor: 1 }]);
  const run = randomUUID().slice(0, 8);
  console.log(`bench:pipeline  N=${N} paths (${N * 2} events)  latency samples=${SAMPLES}  run ${run}`);

  const insertSeconds = await rawInserts(pool, N * 2);
  // The relay app is paused while we append; the relay's own code then drains the whole backlog
  // here, so its figure is publishing throughput, not the append rate.
  await relayApp.pause();
  let appendSeconds = 0;
  let drain = { seconds: Number.NaN, rows: 0 };
  try {
    appendSeconds = await timed(N, CONCURRENCY, (i) => appendToStream(pool, `bench-${run}-${i}`, 0, pathStartEvents(`bench-${run}-${i}`, i)).then(() => undefined));
    drain = await drainWithRelay(config, pool, DEADLINE);
  } finally {
    relayApp.resume();
  }
  const relayed = (await unsentOf(pool, run)) === 0;
  const relaySeconds = drain.seconds;
  const rawProduceSeconds = await rawProducer(config, N * 2);

  const probe = new LatencyProbe(config, admin);
  const pipeline = await probe.commitToConsume(pool, run, SAMPLES, DEADLINE);
  const raw = await probe.produceToConsume(BENCH_TOPIC, SAMPLES, DEADLINE);
  await probe.close();
  await pool.end();

  const rate = (count: number, seconds: number): number => count / seconds;
  const row = (label: string, base: string, baseValue: number, ours: string, oursValue: number): void =>
    console.log(`${label.padEnd(24)}${base.padEnd(26)}${baseValue.toFixed(1).padStart(9)}   ${ours.padEnd(30)}${oursValue.toFixed(1).padStart(9)}   ratio ${(oursValue / baseValue).toFixed(2)}`);
  console.log('');
  row('append events/s', 'single-row INSERT/s', rate(N * 2, insertSeconds), 'appendToStream (+outbox)', rate(N * 2, appendSeconds));
  row('relay messages/s', 'raw idempotent producer', rate(N * 2, rawProduceSeconds), relayed ? 'relay draining a backlog' : 'relay (INCOMPLETE)', rate(N * 2, relaySeconds));
  row('latency p50 ms', 'produce → consume', percentile(raw, 50), 'commit → consumer', percentile(pipeline, 50));
  row('latency p99 ms', 'produce → consume', percentile(raw, 99), 'commit → consumer', percentile(pipeline, 99));
  console.log(`\nlatency samples: pipeline ${pipeline.length}/${SAMPLES}, raw ${raw.length}/${SAMPLES}; relay drained ${drain.rows} outbox rows (${N * 2} of this run; each to its audience topics) in ${relaySeconds.toFixed(2)} s`);
  process.exitCode = relayed && pipeline.length === SAMPLES && raw.length === SAMPLES ? 0 : 1;
}

async function rawInserts(pool: Pool, count: number): Promise<number> {
  await pool.query('CREATE TABLE IF NOT EXISTS bench_raw_inserts (id uuid PRIMARY KEY, data jsonb NOT NULL)');
  const data = JSON.stringify(pathStartEvents('bench-raw', 0)[0]?.data ?? {});
  return timed(count, CONCURRENCY, async () => {
    await pool.query('INSERT INTO bench_raw_inserts (id, data) VALUES ($1, $2)', [randomUUID(), data]);
  });
}

async function unsentOf(pool: Pool, run: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL AND stream_id LIKE 'bench-' || $1 || '-%'", [run]);
  return rows[0]?.n ?? -1;
}

/** The relay's producer settings (idempotent, acks all, one in flight, batches of 500), raw. */
async function rawProducer(config: ReturnType<typeof loadConfig>, count: number): Promise<number> {
  const producer = createKafka(kafkaFor(config, 'admin')).producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const value = JSON.stringify({ specversion: '1.0', id: randomUUID(), type: 'fi.polku.servicepath.PathStarted.v1', data: { padding: 'x'.repeat(400) } });
  const seconds = await timed(Math.ceil(count / 500), 1, async (batch) => {
    const messages = Array.from({ length: Math.min(500, count - batch * 500) }, (_, i) => ({ key: `raw-${batch}-${i}`, value }));
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic: BENCH_TOPIC, messages }] });
  });
  await producer.disconnect();
  return seconds;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
