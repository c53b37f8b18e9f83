import { randomUUID } from 'node:crypto';
import { appendToStream } from '@polku/event-store';
import { eventually, pathStartEvents } from '@polku/testing';
import { LeaseRepository } from './lease.repository';
import { OutboxRepository } from './outbox.repository';
import { RelayChild } from './testing/relay-child';
import { createThrowawayDatabase, type ThrowawayDatabase } from './testing/throwaway-database';

/**
 * The relay lease on the real PostgreSQL, in a database of the test's own (the running relay
 * app publishes the shared outbox).
 */
const LEASE_MS = 1_500;
let db: ThrowawayDatabase;
let paths = 0;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  await db.pool.query('CREATE TABLE test_publications (holder text NOT NULL, event_id text NOT NULL)');
});

afterAll(async () => {
  await db?.drop();
});

/** Appends a started path; returns its event ids. */
async function appendPath(): Promise<string[]> {
  const pathId = randomUUID();
  const events = pathStartEvents(pathId, (paths += 1), { interview: true });
  await appendToStream(db.pool, pathId, 0, events);
  return events.map((event) => event.eventId);
}

async function publishers(eventIds: readonly string[]): Promise<string[]> {
  const { rows } = await db.pool.query<{ holder: string }>('SELECT DISTINCT holder FROM test_publications WHERE event_id = ANY($1) ORDER BY holder', [eventIds]);
  return rows.map((row) => row.holder);
}

async function unsentCount(eventIds: readonly string[]): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE event_id = ANY($1::uuid[]) AND sent_at IS NULL', [eventIds]);
  return rows[0]?.n ?? -1;
}

/** Waits until every one of the events is published and marked sent. */
async function published(eventIds: readonly string[]): Promise<string[]> {
  return eventually(async () => ((await unsentCount(eventIds)) === 0 ? publishers(eventIds) : undefined), { what: 'the events to be published and marked sent' });
}

describe('relay replicas sharing one lease', () => {
  const children: RelayChild[] = [];
  afterAll(async () => {
    await Promise.all(children.map((child) => child.end()));
  });

  it('a standby takes over from a SIGSTOPped leader, which publishes nothing once it runs again', async () => {
    const a = await new RelayChild('relay-a', db.url, LEASE_MS).ready();
    children.push(a);
    expect(await published(await appendPath())).toEqual(['relay-a']);
    const b = await new RelayChild('relay-b', db.url, LEASE_MS).ready();
    children.push(b);

    a.freeze();
    const whileFrozen = await appendPath();
    expect(await published(whileFrozen)).toEqual(['relay-b']);

    a.thaw();
    await a.logged('relay lost the lease; standing by');
    const afterThaw = await appendPath();
    expect(await published(afterThaw)).toEqual(['relay-b']);
    expect(await publishers([...whileFrozen, ...afterThaw])).toEqual(['relay-b']);
  });
});

describe('LeaseRepository and the fenced mark', () => {
  const leases = () => new LeaseRepository(db.pool);
  const outbox = () => new OutboxRepository(db.pool);

  it('gives the lease to one holder at a time, to another only once it expired, one epoch further', async () => {
    const name = `lease-${randomUUID()}`;
    expect(await leases().acquire(name, 'a', 300)).toBe(1);
    expect(await leases().acquire(name, 'b', 300)).toBeUndefined();
    expect(await eventually(() => leases().acquire(name, 'b', 60_000), { what: 'the lease to expire' })).toBe(2);
    expect(await leases().renew({ name, holder: 'a', epoch: 1 }, 60_000)).toBe(false);
    expect(await leases().renew({ name, holder: 'b', epoch: 2 }, 60_000)).toBe(true);
    await leases().release({ name, holder: 'b', epoch: 2 });
    expect(await leases().acquire(name, 'a', 60_000)).toBe(3);
  });

  it('marks rows sent only for the current holder at its epoch, and records a parked reason with the mark', async () => {
    const name = `lease-${randomUUID()}`;
    const eventIds = await appendPath();
    const { rows } = await db.pool.query<{ outboxId: string }>('SELECT outbox_id::text AS "outboxId" FROM outbox WHERE event_id = ANY($1::uuid[]) ORDER BY outbox_id', [eventIds]);
    const sent = rows.map(({ outboxId }, index) => ({ outboxId, ...(index === 0 ? { parkedReason: 'TypeError: cannot fold' } : {}) }));
    await leases().acquire(name, 'a', 300);
    await eventually(() => leases().acquire(name, 'b', 60_000), { what: 'the lease to expire' });

    expect(await outbox().markSent(sent, { name, holder: 'a', epoch: 1 })).toBe(0);
    expect(await outbox().markSent(sent, { name, holder: 'a', epoch: 2 })).toBe(0);
    expect(await unsentCount(eventIds)).toBe(eventIds.length);
    expect(await outbox().markSent(sent, { name, holder: 'b', epoch: 2 })).toBe(eventIds.length);
    expect(await unsentCount(eventIds)).toBe(0);
    const failures = await db.pool.query('SELECT attempts, last_error FROM outbox WHERE event_id = ANY($1::uuid[]) ORDER BY outbox_id', [eventIds]);
    expect(failures.rows).toEqual(sent.map((row) => ({ attempts: row.parkedReason ? 1 : 0, last_error: row.parkedReason ?? null })));
  });
});
