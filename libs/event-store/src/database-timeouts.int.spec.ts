import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@polku/config';
import type { Pool } from 'pg';
import { migrate } from './migrate';
import { createPool } from './pool';

const config = loadConfig();
// Small bounds, so each test runs in seconds; the idle-in-transaction one stays above the statement one (as config demands).
const BOUNDS = { connectTimeoutMs: 500, statementTimeoutMs: 200, idleInTransactionTimeoutMs: 400, keepAliveDelayMs: 1_000, poolIdleTimeoutMs: 1_000 };
// Far beyond every bound under test: a call still pending then is hanging, which is the defect.
const HANG_MS = 10_000;
// Scheduling slack on a loaded machine, on top of a bound.
const SLACK_MS = 1_500;
const POLL_MS = 50;

/** Rejects when `ms` pass first, so a call that would hang forever fails the test instead. */
function settleWithin<T>(work: Promise<T>, ms = HANG_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

// @polku/testing's eventually() depends on this project, so a small poll of its own here.
async function pollUntil(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + HANG_MS;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${HANG_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A loopback TCP server that forwards to PostgreSQL until `stall()`, then passes nothing either way: a cut link. */
async function loopbackServer(forwardTo?: URL): Promise<{ url: string; accepted: () => number; stall: () => void; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let [accepted, stalled] = [0, false];
  const server: Server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    if (forwardTo === undefined) return; // accepts, never answers
    const upstream = connect(Number(forwardTo.port || 5432), forwardTo.hostname);
    sockets.add(upstream);
    socket.on('data', (chunk) => stalled || upstream.write(chunk));
    upstream.on('data', (chunk) => stalled || socket.write(chunk));
    for (const end of [socket, upstream]) end.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `postgres://polku:polku@127.0.0.1:${port}/polku`,
    accepted: () => accepted,
    stall: () => void (stalled = true),
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const settingsOf = async (pool: Pool) =>
  Object.fromEntries(
    (await pool.query<{ name: string; setting: string }>(`SELECT name, setting FROM pg_settings WHERE name IN ('statement_timeout', 'idle_in_transaction_session_timeout')`)).rows.map((row) => [row.name, row.setting]),
  );

describe('bounded database calls on the real PostgreSQL', () => {
  const schema = `timeouts_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let admin: Pool;
  const marks = async () => (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.marks`)).rows[0]?.n;

  beforeAll(async () => {
    admin = createPool(config.databaseUrl, 2);
    await admin.query(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.marks (id integer)`);
  });

  afterAll(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('applies the configured bounds when a caller passes only a size, as createPool(url, max) callers do', async () => {
    const pool = createPool(config.databaseUrl, 1);
    try {
      expect(await settingsOf(pool)).toEqual({
        statement_timeout: String(config.database.statementTimeoutMs),
        idle_in_transaction_session_timeout: String(config.database.idleInTransactionTimeoutMs),
      });
    } finally {
      await pool.end();
    }
  });

  it('cancels a statement running past the statement timeout with query_canceled (57014), writing nothing', async () => {
    const pool = createPool(config.databaseUrl, { max: 1, ...BOUNDS });
    try {
      const started = Date.now();
      await expect(settleWithin(pool.query(`INSERT INTO ${schema}.marks SELECT 1 FROM pg_sleep(5)`))).rejects.toMatchObject({ code: '57014' });
      expect(Date.now() - started).toBeLessThan(BOUNDS.statementTimeoutMs + SLACK_MS);
      expect(await marks()).toBe(0);
      expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it('has the server end a transaction left idle past the idle-in-transaction timeout, rolling it back', async () => {
    const pool = createPool(config.databaseUrl, { max: 1, ...BOUNDS });
    const client = await pool.connect();
    const ended = new Promise((resolve) => client.once('error', resolve));
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${schema}.marks VALUES (2)`);
      expect(await settleWithin(ended)).toMatchObject({ code: '25P03' });
      expect(await marks()).toBe(0);
    } finally {
      client.release();
    }
    // The ended session left the pool; the next call gets a new one.
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await pool.end();
  });

  it('outlives connections that die outside a query: the pool drops them and the holder\'s next query fails', async () => {
    const pool = createPool(config.databaseUrl, { max: 2, ...BOUNDS });
    const pidOf = async (db: Pick<Pool, 'query'>) => (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
    const gone = (pid: number | undefined) => async () => (await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount === 0;
    const held = await pool.connect();
    try {
      const heldPid = await pidOf(held);
      await held.query('BEGIN');
      const idlePid = await pidOf(pool); // the second connection, now idle in the pool
      await admin.query('SELECT pg_terminate_backend($1)', [idlePid]);
      await pollUntil(gone(heldPid), 'the idle transaction to be ended');
      await pollUntil(gone(idlePid), 'the idle connection to be terminated');
      await expect(held.query('SELECT 1')).rejects.toThrow(/not queryable|Connection terminated/);
    } finally {
      held.release();
    }
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await pool.end();
  });

  it('fails fast connecting to a server that accepts and never answers', async () => {
    const silent = await loopbackServer();
    const pool = createPool(silent.url, { max: 1, ...BOUNDS });
    try {
      const started = Date.now();
      await expect(settleWithin(pool.query('SELECT 1'))).rejects.toThrow(/timeout/i);
      expect(Date.now() - started).toBeLessThan(BOUNDS.connectTimeoutMs + SLACK_MS);
      expect(silent.accepted()).toBe(1); // it got through to the socket: the timeout, not a refusal, ended it
    } finally {
      await silent.close();
      await pool.end();
    }
  });

  it('fails a query on a link that stalls after connecting, a little after the statement timeout', async () => {
    const link = await loopbackServer(new URL(config.databaseUrl));
    const pool = createPool(link.url, { max: 1, ...BOUNDS });
    try {
      expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      link.stall();
      const started = Date.now();
      await expect(settleWithin(pool.query('SELECT 1'))).rejects.toThrow('Query read timeout');
      expect(Date.now() - started).toBeGreaterThanOrEqual(BOUNDS.statementTimeoutMs);
      expect(Date.now() - started).toBeLessThan(BOUNDS.statementTimeoutMs + 2_000 + SLACK_MS);
    } finally {
      await link.close();
      await pool.end();
    }
  });

  it('lets migrations run past the statement timeout, waiting runners included, then restores the bound', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polku-slow-migration-'));
    // Longer than the statement timeout and than the client's query timeout a little above it.
    await writeFile(join(dir, '0001_slow.sql'), `CREATE TABLE ${schema}.slow AS SELECT 1 AS one FROM pg_sleep(${(BOUNDS.statementTimeoutMs + 2_500) / 1_000});`);
    const [first, second] = [createPool(config.databaseUrl, { max: 1, ...BOUNDS }), createPool(config.databaseUrl, { max: 1, ...BOUNDS })];
    try {
      const table = `${schema}.schema_migrations`;
      const applied = await settleWithin(Promise.all([migrate(first, dir, { table }), migrate(second, dir, { table })]), 20_000);
      expect(applied.sort((a, b) => a.length - b.length)).toEqual([[], [1]]);
      expect((await admin.query(`SELECT one FROM ${schema}.slow`)).rows).toEqual([{ one: 1 }]);
      // max 1: the very sessions that migrated are bounded again.
      for (const pool of [first, second]) expect((await settingsOf(pool)).statement_timeout).toBe(String(BOUNDS.statementTimeoutMs));
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  }, 30_000);
});
