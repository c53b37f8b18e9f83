import { randomUUID } from 'node:crypto';
import { DATABASE_APPS, databaseRoleOf, databaseUrlFor, loadConfig, type DatabaseApp } from '@polku/config';
import type { Pool } from 'pg';
import { appendToStream } from './append';
import { ensureAppLogins } from './app-logins';
import { createPool } from './pool';
import { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database';

/**
 * Least privilege on the real server: each app's role (0012_app_roles.sql, logins from
 * ensureAppLogins as npm start sets them) may do what its code does and is refused the rest.
 * On a scratch database, so the writes never reach the shared relay and projections.
 */
const config = loadConfig();
const INSUFFICIENT_PRIVILEGE = '42501';
let scratch: ScratchDatabase;
const pools = new Map<DatabaseApp, Pool>();
const as = (app: DatabaseApp): Pool => pools.get(app) as Pool;

/** The SQLSTATE a statement fails with, or 'ok'. */
async function outcome(pool: Pool, sql: string): Promise<string> {
  return pool.query(sql).then(
    () => 'ok',
    (error: { code?: string }) => error.code ?? String(error),
  );
}

beforeAll(async () => {
  scratch = await createScratchDatabase(config.databaseUrl, 'polku_roles_test');
  await ensureAppLogins(scratch.pool, DATABASE_APPS.map((app) => config.databaseLogins[app]));
  for (const app of DATABASE_APPS) pools.set(app, createPool(databaseUrlFor({ databaseUrl: scratch.url, databaseLogins: config.databaseLogins }, app), 1));
});

afterAll(async () => {
  await Promise.all([...pools.values()].map((pool) => pool.end()));
  await scratch?.drop();
});

describe('each app logs in as its own role', () => {
  it.each(DATABASE_APPS)('%s', async (app) => {
    const { rows } = await as(app).query<{ role: string; superuser: boolean }>("SELECT current_user AS role, current_setting('is_superuser') = 'on' AS superuser");
    expect(rows[0]).toEqual({ role: databaseRoleOf(app), superuser: false });
  });
});

describe('the downstream consumers see nothing but their own schema', () => {
  it.each(['municipal-consumer', 'wellbeing-consumer'] as const)('%s cannot read events, client identities or the outbox', async (app) => {
    for (const table of ['events', 'client_identities', 'outbox', 'path_summaries']) {
      expect([table, await outcome(as(app), `SELECT 1 FROM public.${table} LIMIT 1`)]).toEqual([table, INSUFFICIENT_PRIVILEGE]);
    }
  });

  it('each owns its schema and may build its read model there, not in the other one', async () => {
    expect(await outcome(as('municipal-consumer'), 'CREATE TABLE municipal.roles_probe (id int); DROP TABLE municipal.roles_probe')).toBe('ok');
    expect(await outcome(as('municipal-consumer'), 'CREATE TABLE wellbeing.roles_probe (id int)')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await outcome(as('wellbeing-consumer'), 'CREATE TABLE municipal.roles_probe (id int)')).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('may create the schema of a rebuild, and still reach nothing in public from there', async () => {
    const probe = `wellbeing_rebuild_${randomUUID().slice(0, 8)}`;
    expect(await outcome(as('wellbeing-consumer'), `CREATE SCHEMA ${probe}; CREATE TABLE ${probe}.t AS SELECT 1 AS x`)).toBe('ok');
    expect(await outcome(as('wellbeing-consumer'), `CREATE VIEW ${probe}.leak AS SELECT * FROM public.events`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await outcome(as('wellbeing-consumer'), `DROP SCHEMA ${probe} CASCADE`)).toBe('ok');
  });
});

describe('the event store is written only by the worker, and only forward', () => {
  const streamId = `roles-${randomUUID()}`;
  const snapshot = async () => (await scratch.pool.query("SELECT event_id, data FROM events WHERE stream_id = $1 ORDER BY stream_version", [streamId])).rows;

  beforeAll(async () => {
    const result = await appendToStream(as('worker'), streamId, 0, [{ eventId: randomUUID(), type: 'RolesProbe', data: { n: 1 } }]);
    expect(result.written).toEqual([1]);
  });

  it('the API reads events but cannot insert, update or delete them: nothing changes', async () => {
    const before = await snapshot();
    expect(before).toHaveLength(1);
    expect(await outcome(as('api'), `SELECT count(*) FROM events WHERE stream_id = '${streamId}'`)).toBe('ok');
    for (const sql of [`UPDATE events SET data = '{}' WHERE stream_id = '${streamId}'`, `DELETE FROM events WHERE stream_id = '${streamId}'`, `INSERT INTO events (stream_id, stream_version, event_id, event_type, data) VALUES ('${streamId}', 2, gen_random_uuid(), 'X', '{}')`]) {
      expect([sql, await outcome(as('api'), sql)]).toEqual([sql, INSUFFICIENT_PRIVILEGE]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the worker and the relay cannot rewrite history either', async () => {
    const before = await snapshot();
    for (const app of ['worker', 'relay'] as const) {
      expect(await outcome(as(app), `UPDATE events SET data = '{}' WHERE stream_id = '${streamId}'`)).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await outcome(as(app), `DELETE FROM outbox WHERE stream_id = '${streamId}'`)).toBe(INSUFFICIENT_PRIVILEGE);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the relay marks the outbox row sent, and may change nothing else in it', async () => {
    expect(await outcome(as('relay'), `UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE stream_id = '${streamId}'`)).toBe('ok');
    expect(await outcome(as('relay'), `UPDATE outbox SET stream_id = 'x' WHERE stream_id = '${streamId}'`)).toBe(INSUFFICIENT_PRIVILEGE);
  });
});

describe('identity codes and staff answers stay with the API', () => {
  it.each(['relay', 'worker'] as const)('%s cannot read client identities, idempotent answers or notifications', async (app) => {
    expect(await outcome(as(app), 'SELECT 1 FROM client_identities LIMIT 1')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await outcome(as(app), 'SELECT 1 FROM idempotency_keys LIMIT 1')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await outcome(as(app), 'SELECT recipient FROM notifications LIMIT 1')).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('the relay may not empty a read model (a rebuild is the owner’s)', async () => {
    expect(await outcome(as('relay'), 'TRUNCATE path_summaries')).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await outcome(as('relay'), 'DELETE FROM path_summaries')).toBe(INSUFFICIENT_PRIVILEGE);
  });
});
