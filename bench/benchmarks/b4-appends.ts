import { appendToStream, ConcurrencyError } from '@polku/event-store';
import { pathStartEvents } from '@polku/testing';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { type Benchmark, type BenchContext } from '../suite/benchmark';
import { check, type Check, perSecondOf, row, timesOf } from '../suite/result';
import { type LoadRun, perSecond, runLoad } from '../support/load';
import { progress } from '../support/progress';
import { spread } from '../support/stats';
import { scalar } from './b3-storm';

const PER_TRANSACTION_RATIO = 0.5;
const SCALING = 5;
/** A phase is timed, not counted: this many calls at most is never reached. */
const UNBOUNDED_CALLS = 100_000_000;
const CALL_TIMEOUT_MS = 30_000;
const STREAM_PREFIX = 'b4-';

interface Measured {
  readonly writers: number;
  readonly raw: LoadRun;
  readonly appends: LoadRun;
}

/**
 * B4 — appends per second (one event with its outbox row and the stream's version check, one
 * transaction each) against single-row INSERTs of the same data, with the same number of
 * writers on the same server, each writer a connection of its own; each phase runs for a fixed time.
 */
export const b4Appends: Benchmark = {
  id: 'B4',
  title: 'appends/s (events + outbox + version check)',
  needs: {},
  async run(ctx) {
    const data = pathStartEvents('b4-payload', 0)[0]?.data ?? {};
    const measured: Measured[] = [];
    for (const writers of ctx.profile.b4.writers) measured.push(await measureWith(ctx, writers, data));
    const [one, many] = [measured[0], measured[measured.length - 1]];
    const rate = (run: LoadRun | undefined): number => (run ? perSecond(run) : Number.NaN);
    return {
      rows: [
        ...measured.map((m) => row(`appends/s, ${writersOf(m.writers)}`, perSecondOf(rate(m.appends)), perSecondOf(rate(m.raw)), { kind: 'ratio-at-least', min: PER_TRANSACTION_RATIO })),
        row(`append scaling, ${many?.writers} ÷ ${one?.writers} writers`, timesOf(rate(many?.appends) / rate(one?.appends)), timesOf(rate(many?.raw) / rate(one?.raw)), { kind: 'at-least', min: SCALING, unit: '×' }),
      ],
      checks: [...(await storedChecks(ctx, measured)), await staleAppendRefused(ctx)],
      notes: measured.map((m) => `${writersOf(m.writers)}, ${ctx.profile.b4.seconds} s each: ${describe('appends', m.appends)}; ${describe('INSERTs', m.raw)}`),
    };
  },
};

async function measureWith(ctx: BenchContext, writers: number, data: unknown): Promise<Measured> {
  const pool = ctx.env.db.ownerPool(writers);
  try {
    // Every connection opened before the clock starts.
    await Promise.all(Array.from({ length: writers }, () => pool.query('SELECT 1')));
    const spec = { count: UNBOUNDED_CALLS, lanes: writers, capMs: ctx.profile.b4.seconds * 1000, callTimeoutMs: CALL_TIMEOUT_MS };
    progress(`B4 ${writersOf(writers)}: single-row INSERTs`);
    const raw = await runLoad(spec, ctx.deadline, async () => void (await pool.query('INSERT INTO bench_raw_rows (id, data) VALUES ($1, $2)', [randomUUID(), JSON.stringify(data)])));
    progress(`B4 ${writersOf(writers)}: appends`);
    const versions = new Array<number>(writers).fill(0);
    const appends = await runLoad(spec, ctx.deadline, async (_, lane) => {
      await appendToStream(pool, `${STREAM_PREFIX}${writers}-${lane}`, versions[lane] ?? 0, [{ eventId: randomUUID(), type: 'PathStarted', data }]);
      versions[lane] = (versions[lane] ?? 0) + 1;
    });
    return { writers, raw, appends };
  } finally {
    await pool.end();
  }
}

/** Every acknowledged append stored once with its outbox row, each stream's versions without gaps. */
async function storedChecks(ctx: BenchContext, measured: readonly Measured[]): Promise<Check[]> {
  const appended = measured.reduce((sum, m) => sum + m.appends.ok, 0);
  const failed = measured.reduce((sum, m) => sum + m.appends.failed + m.raw.failed, 0);
  const { rows } = await ctx.env.db.pool.query<{ events: number; outbox: number; gaps: number }>(
    `SELECT count(*)::int AS events, count(o.event_id)::int AS outbox,
            (SELECT count(*)::int FROM (SELECT stream_id FROM events WHERE stream_id LIKE $1 GROUP BY stream_id HAVING max(stream_version) <> count(*)) AS g) AS gaps
       FROM events e LEFT JOIN outbox o ON o.event_id = e.event_id WHERE e.stream_id LIKE $1`,
    [`${STREAM_PREFIX}%`],
  );
  const { events = 0, outbox = 0, gaps = 0 } = rows[0] ?? {};
  const inserted = measured.reduce((sum, m) => sum + m.raw.ok, 0);
  const rawRows = await scalar(ctx, 'SELECT count(*)::int AS n FROM bench_raw_rows');
  return [
    check('every append stored once with its outbox row, versions without gaps', failed === 0 && events === appended && outbox === appended && gaps === 0, `${appended} acknowledged, ${failed} failed; ${events} events, ${outbox} outbox rows, ${gaps} streams with gaps`),
    check('every INSERT stored', rawRows === inserted, `${inserted} acknowledged, ${rawRows} rows`),
  ];
}

/** The version check is real: an append at a version the stream has passed is refused and writes nothing. */
async function staleAppendRefused(ctx: BenchContext): Promise<Check> {
  const pool: Pool = ctx.env.db.pool;
  const stream = `${STREAM_PREFIX}stale`;
  await appendToStream(pool, stream, 0, [{ eventId: randomUUID(), type: 'PathStarted', data: {} }]);
  const refused = await appendToStream(pool, stream, 0, [{ eventId: randomUUID(), type: 'PathStarted', data: {} }]).then(() => false, (error: unknown) => error instanceof ConcurrencyError);
  const stored = await scalar(ctx, 'SELECT count(*)::int AS n FROM events WHERE stream_id = $1', stream);
  return check('a stale append is refused (version check)', refused && stored === 1, `refused: ${refused}; ${stored} event(s) on the stream`);
}

const writersOf = (writers: number): string => (writers === 1 ? '1 writer' : `${writers} writers`);

function describe(what: string, run: LoadRun): string {
  const { p50, p99 } = spread(run.latenciesMs);
  return `${run.ok} ${what} (${perSecond(run).toFixed(0)}/s), p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms${run.errors.length ? ` [${run.errors.join(' | ')}]` : ''}`;
}
