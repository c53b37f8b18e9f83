import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@polku/config';
import type { Pool } from 'pg';
import { appendToStream, ConcurrencyError, EventIdConflictError } from './append';
import { readStream } from './read';
import { loadMigrations, migrate, MigrationError } from './migrate';
import { createPool } from './pool';

const config = loadConfig();

describe('event store on the real PostgreSQL', () => {
  let pool: Pool;

  beforeAll(async () => {
    pool = createPool(config.databaseUrl, 4);
    await migrate(pool);
  });

  afterAll(() => pool.end());

  it('applies nothing when the schema is up to date, even from concurrent runners', async () => {
    const results = await Promise.all([migrate(pool), migrate(pool), migrate(pool)]);
    expect(results).toEqual([[], [], []]);
    const { rows } = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
    const shipped = (await loadMigrations()).map((migration) => migration.version);
    expect(shipped.length).toBeGreaterThanOrEqual(7);
    expect(rows.map((row) => row.version)).toEqual(shipped);
  });

  it('refuses a migration file that changed after it was applied', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polku-migrations-'));
    await writeFile(join(dir, '0001_events.sql'), 'SELECT 1; -- not the applied file');
    await expect(migrate(pool, dir)).rejects.toThrow(MigrationError);
    await expect(migrate(pool, dir)).rejects.toThrow(/0001_events.sql was changed after it was applied/);
  });

  it('records versions in the table it is given, so another folder\'s 0001 does not collide', async () => {
    const schema = `migrate_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const dir = await mkdtemp(join(tmpdir(), 'polku-migrations-'));
    await writeFile(join(dir, '0001_things.sql'), `CREATE TABLE ${schema}.things (id int PRIMARY KEY);`);
    try {
      expect(await migrate(pool, dir, { table: `${schema}.schema_migrations` })).toEqual([1]);
      expect(await migrate(pool, dir, { table: `${schema}.schema_migrations` })).toEqual([]);
      const own = await pool.query(`SELECT version, name FROM ${schema}.schema_migrations`);
      expect(own.rows).toEqual([{ version: 1, name: 'things' }]);
      const shared = await pool.query("SELECT name FROM schema_migrations WHERE version = 1");
      expect(shared.rows).toEqual([{ name: 'events' }]);
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  });

  it('refuses a migration table name that is not a plain identifier', async () => {
    await expect(migrate(pool, undefined, { table: 'x; DROP TABLE events' })).rejects.toThrow(MigrationError);
  });

  it('appends events in order and treats a re-append of the same ids as a no-op', async () => {
    const stream = `test-${randomUUID()}`;
    const events = [
      { eventId: randomUUID(), type: 'PathStarted', data: { n: 1 } },
      { eventId: randomUUID(), type: 'InitialInterviewHeld', data: { n: 2 } },
    ];
    expect(await appendToStream(pool, stream, 0, events)).toEqual({ written: [1, 2] });
    expect(await appendToStream(pool, stream, 0, events)).toEqual({ written: [] });

    const { rows } = await pool.query(
      'SELECT stream_version, event_type, data FROM events WHERE stream_id = $1 ORDER BY stream_version',
      [stream],
    );
    expect(rows).toEqual([
      { stream_version: 1, event_type: 'PathStarted', data: { n: 1 } },
      { stream_version: 2, event_type: 'InitialInterviewHeld', data: { n: 2 } },
    ]);
  });

  it('rejects a second event at a taken version and writes nothing of that batch', async () => {
    const stream = `test-${randomUUID()}`;
    await appendToStream(pool, stream, 0, [{ eventId: randomUUID(), type: 'PathStarted', data: {} }]);
    const conflicting = [
      { eventId: randomUUID(), type: 'PathStarted', data: {} },
      { eventId: randomUUID(), type: 'PathExited', data: {} },
    ];
    await expect(appendToStream(pool, stream, 0, conflicting)).rejects.toThrow(ConcurrencyError);
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [stream]);
    expect(rows[0].n).toBe(1);
  });

  it('writes one outbox row per event in the same transaction, and none for a no-op re-append', async () => {
    const stream = `test-${randomUUID()}`;
    const events = [
      { eventId: randomUUID(), type: 'PathStarted', data: {} },
      { eventId: randomUUID(), type: 'InitialInterviewHeld', data: {} },
    ];
    await appendToStream(pool, stream, 0, events);
    await appendToStream(pool, stream, 0, events);
    const { rows } = await pool.query('SELECT event_id, stream_version, sent_at FROM outbox WHERE stream_id = $1 ORDER BY outbox_id', [stream]);
    expect(rows).toEqual(events.map((event, index) => ({ event_id: event.eventId, stream_version: index + 1, sent_at: null })));
  });

  it('refuses the same event id with different content, and writes nothing of that batch', async () => {
    const stream = `test-${randomUUID()}`;
    const eventId = randomUUID();
    await appendToStream(pool, stream, 0, [{ eventId, type: 'PathStarted', data: { area: 'Lahti' } }]);
    await expect(appendToStream(pool, stream, 0, [{ eventId, type: 'PathStarted', data: { area: 'Hattula' } }])).rejects.toThrow(EventIdConflictError);
    expect((await readStream(pool, stream)).map((event) => event.data)).toEqual([{ area: 'Lahti' }]);
  });

  it('reads a stream in version order, within a range', async () => {
    const stream = `test-${randomUUID()}`;
    await appendToStream(pool, stream, 0, [1, 2, 3].map((n) => ({ eventId: randomUUID(), type: `E${n}`, data: { n } })));
    expect((await readStream(pool, stream)).map((event) => [event.streamVersion, event.type])).toEqual([[1, 'E1'], [2, 'E2'], [3, 'E3']]);
    expect((await readStream(pool, stream, { from: 2, to: 2 })).map((event) => event.type)).toEqual(['E2']);
  });
});
