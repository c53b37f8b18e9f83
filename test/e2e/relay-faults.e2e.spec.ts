import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { Topics } from '@polku/contracts';
import { appendToStream } from '@polku/event-store';
import { createKafka } from '@polku/kafka';
import { eventually, pathStartEvents } from '@polku/testing';
import type { Consumer } from 'kafkajs';
import { Pool } from 'pg';
import { bringBack, isGone, pidOf } from '../support/local-system';

const config = loadConfig();
const PATHS = 150;


/**
 * Real processes, real faults, bounded: the relay killed with SIGKILL mid-batch and the broker
 * stopped for 30 s during a burst. Every stored event still reaches its topic, each path's
 * events arrive in order, and both downstream consumers apply each of their events exactly once.
 */
describe('the pipeline under faults', () => {
  let pool: Pool;
  let consumer: Consumer;
  const arrivals = new Map<string, string[]>(); // path id → event ids in arrival order

  beforeAll(async () => {
    pool = new Pool({ connectionString: config.databaseUrl, max: 4 });
    consumer = createKafka(config.kafka).consumer({ groupId: `e2e-faults-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.events, fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const key = message.key?.toString() ?? '';
        if (key.startsWith('fault-')) arrivals.set(key, [...(arrivals.get(key) ?? []), message.headers?.['event-id']?.toString() ?? '']);
      },
    });
    await eventually(async () => ((await consumer.describeGroup()).state === 'Stable' ? true : undefined), { what: 'the consumer group' });
  }, 60_000);

  afterAll(async () => {
    await consumer?.disconnect();
    await pool?.end();
  });

  async function appendBurst(prefix: string, paths = PATHS): Promise<Map<string, string[]>> {
    const expected = new Map<string, string[]>();
    await Promise.all(
      Array.from({ length: paths }, async (_, i) => {
        const pathId = `fault-${prefix}-${i}`;
        const events = pathStartEvents(pathId, i, { referral: true });
        await appendToStream(pool, pathId, 0, events);
        expected.set(pathId, events.filter((event) => PUBLISHED_INTERNALLY.has(event.type)).map((event) => event.eventId));
      }),
    );
    return expected;
  }

  /** First arrival of each id, in arrival order: what a deduping consumer sees. */
  const firstArrivals = (pathId: string): string[] => [...new Set(arrivals.get(pathId) ?? [])];

  async function expectDelivered(expected: Map<string, string[]>): Promise<void> {
    await eventually(async () => ([...expected].every(([pathId, ids]) => firstArrivals(pathId).length === ids.length) ? true : undefined), {
      timeoutMs: 120_000,
      what: 'every stored event on the events topic',
    });
    for (const [pathId, ids] of expected) expect(firstArrivals(pathId)).toEqual(ids); // all of them, in stream order
    const unsent = await pool.query("SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL AND stream_id LIKE 'fault-%'");
    expect(unsent.rows[0].n).toBe(0);
  }

  /** Both downstream consumers applied each of their events exactly once. */
  async function expectAppliedOnce(expected: Map<string, string[]>): Promise<void> {
    const pathIds = [...expected.keys()];
    const ids = [...expected.values()].flat();
    const rows = await eventually(async () => {
      const { rows } = await pool.query('SELECT path_id, stage, last_sequence FROM municipal.paths WHERE path_id = ANY($1)', [pathIds]);
      return rows.length === pathIds.length && rows.every((row) => row.last_sequence === 6) ? rows : undefined;
    }, { timeoutMs: 120_000, what: 'the municipal read model to hold every path' });
    expect(new Set(rows.map((row) => row.stage))).toEqual(new Set(['ASSESSMENT']));
    const processed = async (schema: string): Promise<number> =>
      (await pool.query(`SELECT count(*)::int AS n FROM ${schema}.processed_events WHERE event_id::text = ANY($1)`, [ids])).rows[0].n;
    expect(await processed('municipal')).toBe(pathIds.length * 3); // PathStarted, InitialInterviewHeld, AssessmentStarted
    // The wellbeing county learns of each client only through the referral that gives it a basis.
    await eventually(async () => ((await pool.query('SELECT count(*)::int AS n FROM wellbeing.referrals WHERE path_id = ANY($1)', [pathIds])).rows[0].n === pathIds.length ? true : undefined), {
      timeoutMs: 120_000,
      what: 'the wellbeing read model to hold every referral',
    });
    expect(await processed('wellbeing')).toBe(pathIds.length);
  }

  it('loses nothing and keeps per-path order when the relay is killed with SIGKILL mid-batch', async () => {
    const relay = pidOf('relay');
    process.kill(relay, 'SIGSTOP'); // hold it so a backlog builds, then kill it while it works
    const run = `kill-${randomUUID().slice(0, 6)}`;
    const expected = await appendBurst(run, 4 * PATHS); // several relay batches
    const progress = async (): Promise<{ sent: number; unsent: number }> =>
      (await pool.query("SELECT count(*) FILTER (WHERE sent_at IS NOT NULL)::int AS sent, count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent FROM outbox WHERE stream_id LIKE 'fault-' || $1 || '-%'", [run])).rows[0];
    process.kill(relay, 'SIGCONT');
    await eventually(async () => ((await progress()).sent > 0 ? true : undefined), { timeoutMs: 30_000, intervalMs: 2, what: 'the first batch' });
    process.kill(relay, 'SIGKILL');
    expect((await progress()).unsent).toBeGreaterThan(0); // it died with work left
    bringBack();
    await expectDelivered(expected);
    await expectAppliedOnce(expected);
  }, 300_000);

  it('delivers a burst written while the broker was down for 30 s, once it is back', async () => {
    process.kill(pidOf('kafka'), 'SIGTERM');
    await eventually(async () => (isGone(pidOf('kafka')) ? true : undefined), { timeoutMs: 60_000, what: 'the broker to stop' });
    const expected = await appendBurst(`broker-${randomUUID().slice(0, 6)}`);
    await new Promise((resolve) => setTimeout(resolve, 30_000)); // the outage itself, not a wait for a result
    bringBack();
    await expectDelivered(expected);
    await expectAppliedOnce(expected);
  }, 300_000);
});

/** Domain events the translator publishes on the internal topic (timer bookkeeping is not). */
const PUBLISHED_INTERNALLY = new Set(['PathStarted', 'InitialInterviewHeld', 'AssessmentStarted', 'ClientReferredToWellbeingService']);

