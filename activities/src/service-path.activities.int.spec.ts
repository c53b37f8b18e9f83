import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import type { StoredEvent } from '@polku/contracts';
import { eventIdFor } from '@polku/domain';
import { createPool, migrate } from '@polku/event-store';
import { pathStartEvents } from '@polku/testing';
import { ApplicationFailure } from '@temporalio/activity';
import type { Pool } from 'pg';
import { createServicePathActivities } from './service-path.activities';

const metadata = { occurredAt: '2026-03-02T08:00:00.000Z', actor: { userId: 'coach-1', role: 'coach' as const } };

function stored(pathId: string, version: number, type: StoredEvent['type'], data: object): StoredEvent {
  return { type, data, metadata, eventId: eventIdFor(pathId, version) } as StoredEvent;
}

function started(pathId: string, clientReference: string): StoredEvent {
  return stored(pathId, 1, 'PathStarted', { pathId, clientReference, employmentArea: 'Lahti', municipality: 'Lahti' });
}

describe('service-path activities on the real PostgreSQL', () => {
  let pool: Pool;
  let activities: ReturnType<typeof createServicePathActivities>;

  beforeAll(async () => {
    pool = createPool(loadConfig().databaseUrl, 4);
    await migrate(pool);
    activities = createServicePathActivities({ pool });
  });

  afterAll(() => pool.end());

  const count = async (pathId: string): Promise<number> =>
    (await pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [pathId])).rows[0].n;

  it('appends once: a retried append with the same event ids is a no-op', async () => {
    const pathId = `p-${randomUUID()}`;
    const input = { streamId: pathId, expectedVersion: 0, events: [started(pathId, `cref_${randomUUID().slice(0, 18).replace(/-/g, '0')}`)] };
    await activities.appendEvents(input);
    await activities.appendEvents(input);
    expect(await count(pathId)).toBe(1);
  });

  it('refuses a stale expected version as a non-retryable conflict and writes nothing', async () => {
    const pathId = `p-${randomUUID()}`;
    await activities.appendEvents({ streamId: pathId, expectedVersion: 0, events: [started(pathId, `cref_${randomUUID().replace(/-/g, '').slice(0, 20)}`)] });
    const stale = { streamId: pathId, expectedVersion: 0, events: [stored(pathId, 99, 'CoachReassigned', { fromCoachId: 'a', toCoachId: 'b' })] };
    const failure = await activities.appendEvents(stale).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'EVENT_STORE.VERSION_CONFLICT', nonRetryable: true });
    expect(await count(pathId)).toBe(1);
  });

  it('refuses an event id already stored with other content as a non-retryable conflict: a retry could never succeed', async () => {
    const [first, second] = [`p-${randomUUID()}`, `p-${randomUUID()}`];
    const taken = stored(first, 1, 'PathStarted', { pathId: first, clientReference: `cref_${randomUUID().replace(/-/g, '').slice(0, 20)}`, employmentArea: 'Lahti', municipality: 'Lahti' });
    await activities.appendEvents({ streamId: first, expectedVersion: 0, events: [taken] });
    const clash = { streamId: second, expectedVersion: 0, events: [{ ...stored(second, 1, 'CoachReassigned', { fromCoachId: 'a', toCoachId: 'b' }), eventId: taken.eventId }] };
    const failure = await activities.appendEvents(clash).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'EVENT_STORE.EVENT_ID_CONFLICT', nonRetryable: true });
    expect(await count(second)).toBe(0);
  });

  it('writes a command once: the same command id appended again later answers with its first version', async () => {
    const pathId = `p-${randomUUID()}`;
    const keyed = (version: number, toCoachId: string): StoredEvent =>
      ({ ...stored(pathId, version, 'CoachReassigned', { fromCoachId: 'a', toCoachId }), metadata: { ...metadata, commandId: 'cmd-1' } }) as StoredEvent;
    const start = pathStartEvents(pathId, Math.floor(Math.random() * 1e12)) as unknown as StoredEvent[]; // PathStarted, DeadlinesScheduled
    await activities.appendEvents({ streamId: pathId, expectedVersion: 0, events: start });
    const first = { streamId: pathId, expectedVersion: 2, events: [keyed(3, 'b')] };
    await expect(activities.appendEvents(first)).resolves.toEqual({ appended: true });
    await expect(activities.appendEvents(first)).resolves.toEqual({ appended: true }); // the same append retried
    await expect(activities.appendEvents({ streamId: pathId, expectedVersion: 3, events: [keyed(4, 'c')] })).resolves.toEqual({ appended: false, duplicateOf: 3 });
    expect(await count(pathId)).toBe(3);
    const loaded = await activities.loadPath({ streamId: pathId, now: metadata.occurredAt });
    expect(loaded).toMatchObject({ state: { version: 3, coachId: 'b' }, commands: { 'cmd-1': { version: 3 } } });
  });

  it('refuses data PostgreSQL cannot store (a NUL character) as a non-retryable failure and writes nothing', async () => {
    const pathId = `p-${randomUUID()}`;
    await activities.appendEvents({ streamId: pathId, expectedVersion: 0, events: [started(pathId, `cref_${randomUUID().replace(/-/g, '').slice(0, 20)}`)] });
    const withNul = { streamId: pathId, expectedVersion: 1, events: [stored(pathId, 2, 'CoachReassigned', { fromCoachId: 'a', toCoachId: 'b\u0000c' })] };
    const failure = await activities.appendEvents(withNul).catch((error: unknown) => error);
    expect(failure).toMatchObject({ type: 'EVENT_STORE.UNSTORABLE_DATA', nonRetryable: true });
    expect(await count(pathId)).toBe(1);
  });

  it('allows one active path per client, and a new one after the exit', async () => {
    const client = `cref_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const [first, second] = [`p-${randomUUID()}`, `p-${randomUUID()}`];
    await activities.appendEvents({ streamId: first, expectedVersion: 0, events: [started(first, client)] });

    const refused = await activities.appendEvents({ streamId: second, expectedVersion: 0, events: [started(second, client)] }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ type: 'PATH.CLIENT_HAS_ACTIVE_PATH', nonRetryable: true });
    expect(await count(second)).toBe(0);

    await activities.appendEvents({ streamId: first, expectedVersion: 1, events: [stored(first, 2, 'PathExited', { outcome: 'EDUCATION', exitedOn: '2026-03-02', goalAttained: true })] });
    await activities.appendEvents({ streamId: second, expectedVersion: 0, events: [started(second, client)] });
    const { rows } = await pool.query('SELECT path_id FROM client_active_paths WHERE client_reference = $1', [client]);
    expect(rows).toEqual([{ path_id: second }]);
  });

  it('stores a notification once even when the activity is retried', async () => {
    const notification = {
      notificationId: randomUUID(),
      pathId: `p-${randomUUID()}`,
      employmentArea: 'Lahti',
      recipient: 'TEAM_LEAD' as const,
      rule: 'INIT-INTERVIEW' as const,
      kind: 'ESCALATION' as const,
      dueAt: '2026-03-03T06:00:00.000Z',
    };
    await activities.notifyStaff(notification);
    await activities.notifyStaff(notification);
    const { rows } = await pool.query('SELECT recipient, rule, kind FROM notifications WHERE path_id = $1', [notification.pathId]);
    expect(rows).toEqual([{ recipient: 'TEAM_LEAD', rule: 'INIT-INTERVIEW', kind: 'ESCALATION' }]);
  });
});
