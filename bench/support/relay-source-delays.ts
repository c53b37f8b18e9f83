import { performance } from 'node:perf_hooks';
import { inClientTransaction } from '@polku/event-store';
import type { Pool, PoolClient } from 'pg';
import { type Deadline, sleepMs } from './limits';
import { appendWithOutbox, freshEvent } from './relay-source-appends';
import type { EventSource } from './relay-source-readers';

/** Each writer's pause between appends: a steady load, not a flood that would hide the readers' waits. */
const PACE_MS = 20;
/** How often a reader looks again when it found nothing (the relay wakes on NOTIFY; this stands in for it). */
const POLL_MS = 5;
const BATCH = 500;
/** After the writers stop, everything they wrote must be read within this. */
const READ_ALL_WITHIN_MS = 30_000;
const SAMPLE_MS = 50;

/** A transaction left open while the writers go on: it holds a transaction id from `open` until COMMIT. */
export interface OpenTransaction {
  readonly connect: () => Promise<PoolClient>;
  /** Runs first in the transaction and gives it an xid; answers the event it appended, if it did. */
  readonly open: (client: PoolClient) => Promise<string | undefined>;
  readonly afterMs: number;
  readonly holdMs: number;
}

export interface DelaySpec {
  /** The writers' pool on the measured database. */
  readonly pool: Pool;
  /** A connection for sampling the server's activity. */
  readonly monitor: Pool;
  readonly sources: Readonly<Record<'a' | 'b', EventSource>>;
  readonly writers: number;
  readonly windowMs: number;
  readonly tag: string;
  readonly hold?: OpenTransaction;
}

export interface Delays {
  /** Commit → read, ms, of every event appended in the window. */
  readonly all: readonly number[];
  /** Of the writers' events committed while the transaction was open. */
  readonly whileHeld: readonly number[];
  readonly duplicates: number;
}

export interface DelayRun {
  readonly bySource: Readonly<Record<'a' | 'b', Delays>>;
  readonly written: number;
  /** The longest a transaction holding an xid stayed open on the server, outside this run's own sessions. */
  readonly outsideXidMs: number;
}

interface Held {
  readonly openedAt: number;
  readonly committedAt: number;
  readonly eventId?: string;
}

/**
 * Commit → read delay of both sources over the same writes, at the same time: `writers` append
 * paced events through append_events (events + outbox rows) for `windowMs`; reader a takes the
 * unsent outbox rows, reader b the events after its checkpoint, each polling when it finds
 * nothing; optionally a transaction is held open meanwhile. Ends once both read every event.
 */
export async function commitToRead(spec: DelaySpec, deadline: Deadline): Promise<DelayRun> {
  const committed = new Map<string, number>();
  const readers = { a: new Reader(spec.sources.a), b: new Reader(spec.sources.b) };
  const monitor = new OutsideTransactions(spec.monitor);
  let writing = true;
  const writer = async (lane: number): Promise<void> => {
    for (let version = 0; writing; version++) {
      const event = freshEvent();
      await appendWithOutbox(spec.pool, `${spec.tag}-${lane}`, version, [event]);
      committed.set(event.eventId, performance.now());
      await sleepMs(PACE_MS);
    }
  };
  const writeThenAwaitReads = async (): Promise<Held | undefined> => {
    try {
      const window = sleepMs(spec.windowMs).then(() => void (writing = false));
      const held = spec.hold === undefined ? undefined : holdOpen(spec.hold, committed);
      const [result] = await Promise.all([held, window, ...Array.from({ length: spec.writers }, (_, lane) => writer(lane))]);
      await allRead(committed, [readers.a, readers.b], deadline);
      return result;
    } finally {
      writing = false;
      readers.a.stop();
      readers.b.stop();
      monitor.stop();
    }
  };
  const [held] = await Promise.all([writeThenAwaitReads(), readers.a.run(deadline), readers.b.run(deadline), monitor.run()]);
  return {
    bySource: { a: readers.a.delaysOf(committed, held), b: readers.b.delaysOf(committed, held) },
    written: committed.size,
    outsideXidMs: monitor.longestMs,
  };
}

class Reader {
  readonly read = new Map<string, number>();
  private duplicates = 0;
  private reading = true;

  constructor(private readonly source: EventSource) {}

  async run(deadline: Deadline): Promise<void> {
    while (this.reading) {
      deadline.throwIfAborted();
      const ids = await this.source.next(BATCH);
      const now = performance.now();
      for (const id of ids) {
        if (this.read.has(id)) this.duplicates++;
        else this.read.set(id, now);
      }
      if (ids.length === 0) await sleepMs(POLL_MS);
    }
  }

  stop(): void {
    this.reading = false;
  }

  delaysOf(committed: ReadonlyMap<string, number>, held: Held | undefined): Delays {
    const all: number[] = [];
    const whileHeld: number[] = [];
    for (const [id, at] of committed) {
      // A reader can see a commit before the writer's await resumes: that is no delay at all.
      const delay = Math.max(0, (this.read.get(id) ?? Number.NaN) - at);
      all.push(delay);
      if (held !== undefined && id !== held.eventId && at > held.openedAt && at < held.committedAt) whileHeld.push(delay);
    }
    return { all, whileHeld, duplicates: this.duplicates };
  }
}

/**
 * Samples pg_stat_activity for the oldest transaction holding an xid in another database than
 * this run's: the commit-safe reader waits for every one of them, wherever it runs.
 */
class OutsideTransactions {
  longestMs = 0;
  private sampling = true;

  constructor(private readonly pool: Pool) {}

  async run(): Promise<void> {
    while (this.sampling) {
      const { rows } = await this.pool.query<{ ms: number | null }>(
        `SELECT max(extract(epoch FROM clock_timestamp() - xact_start) * 1000)::float8 AS ms FROM pg_stat_activity
          WHERE backend_xid IS NOT NULL AND datname NOT LIKE 'polku\\_bench\\_%'`,
      );
      this.longestMs = Math.max(this.longestMs, rows[0]?.ms ?? 0);
      await sleepMs(SAMPLE_MS);
    }
  }

  stop(): void {
    this.sampling = false;
  }
}

async function holdOpen(hold: OpenTransaction, committed: Map<string, number>): Promise<Held> {
  await sleepMs(hold.afterMs);
  const client = await hold.connect();
  try {
    let openedAt = 0;
    const eventId = await inClientTransaction(client, async (tx) => {
      const opened = await hold.open(tx);
      openedAt = performance.now();
      await sleepMs(hold.holdMs);
      return opened;
    });
    const committedAt = performance.now();
    if (eventId !== undefined) committed.set(eventId, committedAt);
    return { openedAt, committedAt, ...(eventId === undefined ? {} : { eventId }) };
  } finally {
    client.release();
  }
}

async function allRead(committed: ReadonlyMap<string, number>, readers: readonly Reader[], deadline: Deadline): Promise<void> {
  const until = performance.now() + READ_ALL_WITHIN_MS;
  const missing = (): number => readers.reduce((sum, reader) => sum + [...committed.keys()].filter((id) => !reader.read.has(id)).length, 0);
  while (missing() > 0) {
    deadline.throwIfAborted();
    if (performance.now() > until) throw new Error(`${missing()} reads of ${committed.size} events missing after ${READ_ALL_WITHIN_MS / 1000} s`);
    await sleepMs(POLL_MS);
  }
}
