import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import type { Pool } from 'pg';
import { ActivePathClaimedError, appendToStream, ConcurrencyError } from './append';
import { migrate } from './migrate';
import { createPool } from './pool';

const config = loadConfig();

const event = (type: string, data: object = {}) => ({ eventId: randomUUID(), type, data, metadata: { occurredAt: '2026-12-01T08:00:00.000Z' } });

describe('appendToStream: one call of the store\'s append function', () => {
  let pool: Pool;

  beforeAll(async () => {
    pool = createPool(config.databaseUrl, 4);
    await migrate(pool);
  });

  afterAll(() => pool.end());

  it('writes events, outbox rows, claims and notifications in one round trip', async () => {
    const stream = `append-${randomUUID()}`;
    const client = `cref_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const [started, reminder] = [event('PathStarted'), event('ReminderIssued')];
    const note = { notificationId: reminder.eventId, pathId: stream, employmentArea: 'Lahti', recipient: 'COACH' as const, recipientUserId: 'coach-1', rule: 'INIT-INTERVIEW' as const, kind: 'REMINDER' as const, dueAt: '2026-12-01T06:00:00.000Z' };
    const calls: string[] = [];
    const counting = new Proxy(pool, { get: (target, key) => (key === 'query' ? (text: string | { text: string }, ...rest: unknown[]) => (calls.push(typeof text === 'string' ? text : text.text), (target.query as (...args: unknown[]) => unknown)(text, ...rest)) : Reflect.get(target, key)) });

    const result = await appendToStream(counting, stream, 0, [started, reminder], { claims: [{ eventId: started.eventId, take: client }], notifications: [note] });

    expect(result).toEqual({ written: [1, 2] });
    expect(calls.filter((text) => !text.includes('pg_notify'))).toHaveLength(1);
    const count = async (sql: string) => (await pool.query(sql, [stream])).rows[0].n as number;
    expect(await count('SELECT count(*)::int AS n FROM outbox WHERE stream_id = $1')).toBe(2);
    expect(await count('SELECT count(*)::int AS n FROM client_active_paths WHERE path_id = $1')).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM notifications WHERE path_id = $1')).toBe(1);
  });

  it('refuses an append after a version the stream has not reached (no gaps), writing nothing', async () => {
    const stream = `append-${randomUUID()}`;
    await appendToStream(pool, stream, 0, [event('PathStarted')]);
    await expect(appendToStream(pool, stream, 3, [event('PathPaused')])).rejects.toThrow(ConcurrencyError);
    expect((await pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [stream])).rows[0].n).toBe(1);
  });

  it('refuses a second active path of one client and rolls the whole append back', async () => {
    const client = `cref_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const [first, second] = [`append-${randomUUID()}`, `append-${randomUUID()}`];
    const start = (stream: string) => {
      const started = event('PathStarted');
      return appendToStream(pool, stream, 0, [started], { claims: [{ eventId: started.eventId, take: client }] });
    };
    await start(first);
    await expect(start(second)).rejects.toThrow(ActivePathClaimedError);
    expect((await pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [second])).rows[0].n).toBe(0);
    const exited = event('PathExited');
    await appendToStream(pool, first, 1, [exited], { claims: [{ eventId: exited.eventId, release: true }] });
    await expect(start(second)).resolves.toEqual({ written: [1] });
  });

  it('applies a claim only when its event is written now: a retried start takes nothing twice', async () => {
    const client = `cref_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const stream = `append-${randomUUID()}`;
    const started = event('PathStarted');
    const append = () => appendToStream(pool, stream, 0, [started], { claims: [{ eventId: started.eventId, take: client }] });
    await append();
    await expect(append()).resolves.toEqual({ written: [] });
  });
});
