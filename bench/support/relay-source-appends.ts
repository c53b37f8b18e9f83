import { appendToStream, type NewEvent } from '@polku/event-store';
import { pathStartEvents } from '@polku/testing';
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Deadline } from './limits';
import { type LoadRun, perSecond, runLoad } from './load';

/** One append: the stream's events after `expected`, committed when it resolves. */
export type Append = (db: Pool | PoolClient, streamId: string, expected: number, events: readonly NewEvent[]) => Promise<void>;

const EVENTS_ONLY_FUNCTION = 'bench_append_events_only';
const OUTBOX_INSERT = /^[ \t]*INSERT INTO outbox \(event_id, stream_id, stream_version\) VALUES \(v_id, p_stream, v_version\);\n/gm;
/** A phase is timed, not counted: this many calls is never reached. */
const UNBOUNDED_CALLS = 100_000_000;
const CALL_TIMEOUT_MS = 30_000;

/** The statement appendToStream sends (libs/event-store/src/append.ts), with the same values. */
function appendThrough(fn: string): Append {
  const sql = `SELECT ${fn}($1, $2, $3::jsonb, $4, $5::jsonb, $6::jsonb) AS result`;
  return async (db, streamId, expected, events) => {
    const payload = events.map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata: metadata ?? {} }));
    await db.query(sql, [streamId, expected, JSON.stringify(payload), null, '[]', '[]']);
  };
}

/** Variant a's write: append_events as migration 0019 defines it (events + outbox rows). */
export const appendWithOutbox: Append = appendThrough('append_events');
/** Variant b's write: the same function less its outbox INSERT (createEventsOnlyAppend). */
export const appendEventsOnly: Append = appendThrough(EVENTS_ONLY_FUNCTION);
/** The store's whole append path, for reference: the same call plus the relay's coalesced NOTIFY. */
export const appendThroughStore: Append = async (db, streamId, expected, events) => {
  await appendToStream(db as Pool, streamId, expected, events);
};

/**
 * Defines variant b's append in the scratch database: append_events as this database's catalog
 * holds it, with its one outbox INSERT cut out and nothing else changed (version check, ON
 * CONFLICT retry path, claims, notifications). Taken from the catalog rather than restated, so it
 * cannot drift from the migration; refuses to go on if the INSERT is no longer there to cut.
 */
export async function createEventsOnlyAppend(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ source: string }>(`SELECT pg_get_functiondef('append_events'::regproc) AS source`);
  const source = rows[0]?.source ?? '';
  const cut = source.match(OUTBOX_INSERT)?.length ?? 0;
  const derived = source.replace(OUTBOX_INSERT, '').replace('FUNCTION public.append_events(', `FUNCTION public.${EVENTS_ONLY_FUNCTION}(`);
  if (cut !== 1 || !derived.includes(EVENTS_ONLY_FUNCTION) || /outbox/i.test(derived.replace(/--.*$/gm, ''))) {
    throw new Error('append_events no longer has exactly one outbox INSERT to cut: update bench/support/relay-source-appends.ts');
  }
  await pool.query(derived);
}

/** A PathStarted as the domain decides it; each append gets a fresh event id. */
const TEMPLATE: NewEvent = (() => {
  const [event] = pathStartEvents('relay-source', 0);
  if (event === undefined) throw new Error('pathStartEvents gave no event');
  return event;
})();

export const freshEvent = (): NewEvent => ({ ...TEMPLATE, eventId: randomUUID() });

export interface AppendRate {
  readonly eventsPerSecond: number;
  readonly run: LoadRun;
}

/**
 * Closed-loop appends for `seconds`: each writer a connection of its own, one event per append to
 * a stream of its own (so the version check looks up the previous event), as a command does.
 */
export async function appendRate(pool: Pool, append: Append, writers: number, seconds: number, tag: string, deadline: Deadline): Promise<AppendRate> {
  const versions = new Array<number>(writers).fill(0);
  const spec = { count: UNBOUNDED_CALLS, lanes: writers, capMs: seconds * 1000, callTimeoutMs: CALL_TIMEOUT_MS };
  const run = await runLoad(spec, deadline, async (_, lane) => {
    const version = versions[lane] ?? 0;
    await append(pool, `${tag}-${lane}`, version, [freshEvent()]);
    versions[lane] = version + 1;
  });
  if (run.failed > 0) throw new Error(`${tag}: ${run.failed} appends failed: ${run.errors.join(' | ')}`);
  return { eventsPerSecond: perSecond(run), run };
}
