/* eslint-disable no-console -- a benchmark prints its table to a terminal */
import { loadConfig } from '@polku/config';
import type { Pool, PoolClient } from 'pg';
import { type Fence, LeaseRepository } from '../apps/relay/src/lease.repository';
import { RELAY_LEASE } from '../apps/relay/src/outbox-relay';
import { BenchDatabase } from './env/database';
import { newRunId } from './env/run-id';
import { bounded, Deadline, messageOf } from './support/limits';
import { progress } from './support/progress';
import { type Append, appendEventsOnly, appendRate, appendThroughStore, appendWithOutbox, createEventsOnlyAppend, freshEvent } from './support/relay-source-appends';
import { commitToRead, type DelayRun, type OpenTransaction } from './support/relay-source-delays';
import { CheckpointSource, drain, endOfLog, type EventSource, OutboxSource } from './support/relay-source-readers';
import { type Compared, comparisonTable, median } from './support/relay-source-table';
import { percentile } from './support/stats';

/**
 * `npm run bench:relay-source [-- --rows=N --writers=N]` (docs/relay.md, "Outbox rows or the
 * events checkpoint: measured"): the relay's source as it is (a: append_events writes outbox
 * rows, the relay reads unsent rows and marks them under its lease) against the alternative
 * (b: events only, read by the store's commit-safe (transaction id, position) reader, a
 * checkpoint row advanced under the same lease), in one scratch database, in one run.
 */
const HARD_DEADLINE_MS = 5 * 60_000;
const USAGE = 'usage: bash infra/polku run bench/relay-source.ts [--rows=N (1000..200000, default 20000)] [--writers=N (2..32, default 10)]';
const ROUNDS = 3;
const DRAIN_ROUNDS = 5;
const APPEND_SECONDS = 3;
const BATCH = 500;
const BACKLOG_EVENTS_PER_APPEND = 10;
const HOLD = { afterMs: 500, holdMs: 2_000 };
const STEADY_WINDOW_MS = 3_000;
const CLEANUP_MS = 45_000;
const CHECKPOINT = 'relay-source-bench';

interface Options {
  readonly rows: number;
  readonly writers: number;
}

interface Run {
  readonly db: BenchDatabase;
  readonly other: BenchDatabase;
  readonly writersPool: Pool;
  readonly fence: Fence;
  readonly options: Options;
  readonly deadline: Deadline;
  readonly notes: string[];
}

function optionsOf(argv: readonly string[]): Options {
  const given = new Map<string, number>();
  for (const arg of argv) {
    const match = /^--(rows|writers)=(\d+)$/.exec(arg);
    if (match === null) throw new Error(USAGE);
    given.set(match[1] as string, Number(match[2]));
  }
  const within = (name: string, fallback: number, min: number, max: number): number => {
    const value = given.get(name) ?? fallback;
    if (value < min || value > max) throw new Error(USAGE);
    return value;
  };
  return { rows: within('rows', 20_000, 1_000, 200_000), writers: within('writers', 10, 2, 32) };
}

/** Rounds ran back to back, a and b together: their ratio within a round is less exposed to the machine's other load than either figure. */
const pairedRatio = (a: readonly number[] = [], b: readonly number[] = []): number => median(a.map((value, i) => (b[i] ?? Number.NaN) / value));

/** Each round runs the variants in another order, so neither always goes first on a warm cache. */
const rotated = <T>(items: readonly T[], round: number): T[] => items.map((_, i) => items[(i + round) % items.length] as T);

async function appendFigures(run: Run): Promise<Compared[]> {
  const variants: [string, Append][] = [['a', appendWithOutbox], ['b', appendEventsOnly], ['store', appendThroughStore]];
  const rates = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const writers of [1, run.options.writers]) {
      for (const [name, append] of rotated(variants, round)) {
        progress(`appends: round ${round + 1}, ${writers} writer(s), ${name}`);
        const { eventsPerSecond } = await appendRate(run.writersPool, append, writers, APPEND_SECONDS, `ap-${name}-${writers}-${round}`, run.deadline);
        rates.set(`${name}/${writers}`, [...(rates.get(`${name}/${writers}`) ?? []), eventsPerSecond]);
      }
    }
  }
  const of = (name: string, writers: number): number => median(rates.get(`${name}/${writers}`) ?? []);
  run.notes.push(...[...rates].map(([key, values]) => `appends/s ${key} by round: ${values.map((v) => v.toFixed(0)).join(', ')}`));
  run.notes.push(`appendToStream (a's statement plus the relay's coalesced NOTIFY): ${of('store', 1).toFixed(0)}/s with 1 writer, ${of('store', run.options.writers).toFixed(0)}/s with ${run.options.writers}`);
  return [1, run.options.writers].map((writers) => ({ figure: `appends/s, ${writers} writer${writers === 1 ? '' : 's'} (1 event each)`, a: of('a', writers), b: of('b', writers), unit: '/s' as const, pairedRatio: pairedRatio(rates.get(`a/${writers}`), rates.get(`b/${writers}`)) }));
}

/** Marks every outbox row sent and answers the end of the log: both sources then start with nothing to read. */
async function settle(pool: Pool): Promise<{ lastOutboxId: string; end: Awaited<ReturnType<typeof endOfLog>> }> {
  await pool.query('UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL');
  const { rows } = await pool.query<{ id: string }>('SELECT coalesce(max(outbox_id), 0)::text AS id FROM outbox');
  return { lastOutboxId: rows[0]?.id ?? '0', end: await endOfLog(pool) };
}

async function fillBacklog(run: Run): Promise<void> {
  const { rows, writers } = run.options;
  const calls = Math.ceil(rows / BACKLOG_EVENTS_PER_APPEND);
  const versions = new Array<number>(writers).fill(0);
  let next = 0;
  const lane = async (index: number): Promise<void> => {
    for (let call = next++; call < calls; call = next++) {
      const size = Math.min(BACKLOG_EVENTS_PER_APPEND, rows - call * BACKLOG_EVENTS_PER_APPEND);
      await appendWithOutbox(run.writersPool, `backlog-${index}`, versions[index] ?? 0, Array.from({ length: size }, freshEvent));
      versions[index] = (versions[index] ?? 0) + size;
      run.deadline.throwIfAborted();
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, index) => lane(index)));
}

async function drainFigure(run: Run): Promise<Compared> {
  const { pool } = run.db;
  const before = await settle(pool);
  progress(`drain: a backlog of ${run.options.rows} events (append_events, ${BACKLOG_EVENTS_PER_APPEND} per call)`);
  await fillBacklog(run);
  const rates: Record<'a' | 'b', number[]> = { a: [], b: [] };
  for (let round = 0; round < DRAIN_ROUNDS; round++) {
    for (const name of rotated(['a', 'b'] as const, round)) {
      // Both start from the whole backlog unread, on freshly vacuumed tables.
      await pool.query('UPDATE outbox SET sent_at = NULL WHERE outbox_id > $1::bigint AND sent_at IS NOT NULL', [before.lastOutboxId]);
      await pool.query('VACUUM ANALYZE outbox, events, projection_checkpoints');
      const source: EventSource = name === 'a' ? new OutboxSource(pool, run.fence) : await CheckpointSource.at(pool, run.fence, CHECKPOINT, before.end);
      progress(`drain: round ${round + 1}, ${name}`);
      const drained = await drain(source, BATCH, run.deadline);
      if (drained.rows !== run.options.rows) throw new Error(`drain ${name} took ${drained.rows} rows of ${run.options.rows}`);
      rates[name].push(drained.rows / drained.seconds);
    }
  }
  run.notes.push(`drain rows/s by round: a ${rates.a.map((v) => v.toFixed(0)).join(', ')}; b ${rates.b.map((v) => v.toFixed(0)).join(', ')}; every round read all ${run.options.rows} rows once`);
  return { figure: `drain rows/s, backlog of ${run.options.rows} (read ${BATCH} + mark / advance)`, a: median(rates.a), b: median(rates.b), unit: '/s', pairedRatio: pairedRatio(rates.a, rates.b) };
}

type Phase = 'steady' | 'held here' | 'held elsewhere';

function openTransaction(run: Run, phase: Phase, tag: string): OpenTransaction | undefined {
  if (phase === 'steady') return undefined;
  if (phase === 'held elsewhere') return { ...HOLD, connect: () => run.other.pool.connect(), open: async (client) => void (await client.query('SELECT pg_current_xact_id()')) };
  const open = async (client: PoolClient): Promise<string> => {
    const event = freshEvent();
    await appendWithOutbox(client, `${tag}-held`, 0, [event]);
    return event.eventId;
  };
  return { ...HOLD, connect: () => run.db.pool.connect(), open };
}

/** Both readers over the same writes at the same time: the machine's other load falls on both alike. */
async function delays(run: Run, phase: Phase): Promise<DelayRun> {
  const { pool } = run.db;
  const { end } = await settle(pool);
  const sources = { a: new OutboxSource(pool, run.fence), b: await CheckpointSource.at(pool, run.fence, CHECKPOINT, end) };
  const tag = `dl-${phase.replace(' ', '-')}`;
  const hold = openTransaction(run, phase, tag);
  const windowMs = hold === undefined ? STEADY_WINDOW_MS : HOLD.afterMs + HOLD.holdMs + 700;
  progress(`commit → read: ${phase}`);
  const measured = await commitToRead({ pool: run.writersPool, monitor: run.other.pool, sources, writers: run.options.writers, windowMs, tag, ...(hold === undefined ? {} : { hold }) }, run.deadline);
  const { a, b } = measured.bySource;
  if (a.duplicates + b.duplicates > 0) throw new Error(`${tag}: events read twice (a ${a.duplicates}, b ${b.duplicates})`);
  run.notes.push(
    `commit → read, ${phase}: ${measured.written} events${hold === undefined ? '' : ` (${a.whileHeld.length} committed while held)`}, each read once by each reader; ` +
      `longest transaction holding an xid on the server outside polku_bench_* databases meanwhile: ${measured.outsideXidMs.toFixed(0)} ms`,
  );
  return measured;
}

async function delayFigures(run: Run): Promise<Compared[]> {
  const w = run.options.writers;
  const steady = (await delays(run, 'steady')).bySource;
  const here = (await delays(run, 'held here')).bySource;
  const elsewhere = (await delays(run, 'held elsewhere')).bySource;
  const held = `while a transaction stays open ${HOLD.holdMs / 1000} s`;
  return [
    { figure: `commit → read p50, ${w} writers, short transactions only`, a: percentile(steady.a.all, 0.5), b: percentile(steady.b.all, 0.5), unit: 'ms' },
    { figure: `commit → read p99, ${w} writers, short transactions only`, a: percentile(steady.a.all, 0.99), b: percentile(steady.b.all, 0.99), unit: 'ms' },
    { figure: `commit → read max, ${w} writers, ${held} (an append in this database)`, a: percentile(here.a.whileHeld, 1), b: percentile(here.b.whileHeld, 1), unit: 'ms' },
    { figure: `commit → read max, ${w} writers, ${held} (another database, same server)`, a: percentile(elsewhere.a.whileHeld, 1), b: percentile(elsewhere.b.whileHeld, 1), unit: 'ms' },
  ];
}

async function storageNote(run: Run): Promise<void> {
  const { rows } = await run.db.pool.query<{ events: string; outbox: string }>(
    `SELECT round(pg_total_relation_size('events')::numeric / greatest(1, (SELECT count(*) FROM events)))::text AS events,
            round(pg_total_relation_size('outbox')::numeric / greatest(1, (SELECT count(*) FROM outbox)))::text AS outbox`,
  );
  run.notes.push(`on disk per row (table + indexes, after the run): events ${rows[0]?.events} B, outbox ${rows[0]?.outbox} B`);
}

async function measure(run: Run): Promise<Compared[]> {
  await createEventsOnlyAppend(run.db.pool);
  const figures = [...(await appendFigures(run)), await drainFigure(run), ...(await delayFigures(run))];
  await storageNote(run);
  return figures;
}

async function main(options: Options, deadline: Deadline): Promise<void> {
  const serverUrl = loadConfig().databaseUrl;
  const opened: BenchDatabase[] = [];
  let writersPool: Pool | undefined;
  try {
    const db = await BenchDatabase.create(serverUrl, newRunId());
    opened.push(db);
    const other = await BenchDatabase.create(serverUrl, newRunId());
    opened.push(other);
    progress(`scratch databases ${db.name} (measured) and ${other.name} (holds the other database's open transaction)`);
    writersPool = db.ownerPool(options.writers);
    // Held longer than the run's hard deadline: a fenced mark is never refused for expiry here.
    const epoch = await new LeaseRepository(db.pool).acquire(RELAY_LEASE, 'relay-source-bench', HARD_DEADLINE_MS * 2);
    if (epoch === undefined) throw new Error('could not take the relay lease in the scratch database');
    const run: Run = { db, other, writersPool, fence: { name: RELAY_LEASE, holder: 'relay-source-bench', epoch }, options, deadline, notes: [] };
    const figures = await deadline.race(measure(run));
    console.log(['', ...comparisonTable(figures), '', ...run.notes.map((note) => `- ${note}`)].join('\n'));
  } finally {
    deadline.clear();
    await bounded(writersPool?.end() ?? Promise.resolve(), CLEANUP_MS, 'closing the writers pool').catch((error: unknown) => progress(`! ${messageOf(error)}`));
    for (const db of opened.reverse()) await db.drop().then(() => progress(`dropped ${db.name}`), (error: unknown) => progress(`! could not drop ${db.name}: ${messageOf(error)}`));
  }
}

let options: Options;
try {
  options = optionsOf(process.argv.slice(2));
} catch (error) {
  console.error(messageOf(error));
  process.exit(2);
}
const deadline = new Deadline(HARD_DEADLINE_MS, 'hard deadline');
process.once('SIGINT', () => deadline.abort('interrupted'));
main(options, deadline).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`relay-source failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exit(1);
  },
);
