import { randomUUID } from 'node:crypto';
import { appendToStream, createPool, readStream, type RecordedEvent } from '@polku/event-store';
import type { Pool } from 'pg';
import { pathStartEvents } from '@polku/testing';
import { PathStates } from './path-states';
import { createThrowawayDatabase, type ThrowawayDatabase } from './testing/throwaway-database';

/** PathStates on the real PostgreSQL: a batch's paths folded in one read. */
let db: ThrowawayDatabase;
// PathStates' own pool, so counting its queries counts nothing else (the append notifies the relay on its pool).
let pool: Pool;
let paths = 0;

beforeAll(async () => {
  db = await createThrowawayDatabase();
  pool = createPool(db.url, 2);
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

async function storedPath(): Promise<RecordedEvent[]> {
  const pathId = randomUUID();
  await appendToStream(db.pool, pathId, 0, pathStartEvents(pathId, (paths += 1), { interview: true }));
  return readStream(db.pool, pathId);
}

describe('PathStates.prefetch', () => {
  it('folds the paths of a batch in one read, to the states folding each path alone gives', async () => {
    const [a, b, c] = [await storedPath(), await storedPath(), await storedPath()];
    const batch = [a.at(-2), b.at(-1), c.at(0), a.at(-1)].filter((event): event is RecordedEvent => event !== undefined);
    const states = new PathStates(pool);
    const query = jest.spyOn(pool, 'query');
    try {
      await states.prefetch(batch);
      const after = [];
      for (const event of batch) after.push(await states.after(event));
      expect(query).toHaveBeenCalledTimes(1);

      const alone = [];
      for (const event of batch) alone.push(await new PathStates(pool).after(event));
      expect(after).toEqual(alone);
      expect(after.map((state) => state.version)).toEqual(batch.map((event) => event.streamVersion));
    } finally {
      query.mockRestore();
    }
  });

  it('leaves a path it cannot fold to `after`, which throws for its event (the relay parks it), and still folds the others', async () => {
    const broken = randomUUID();
    const good = await storedPath();
    await db.pool.query(
      `INSERT INTO events (stream_id, stream_version, event_id, event_type, data) VALUES ($1, 1, $2, 'PathStarted', '{}'), ($1, 2, $3, 'InitialInterviewHeld', '{}')`,
      [broken, randomUUID(), randomUUID()],
    );
    const [, second] = await readStream(db.pool, broken);
    const last = good.at(-1);
    if (!second || !last) throw new Error('events missing');
    const states = new PathStates(pool);
    await states.prefetch([second, last]);
    await expect(states.after(second)).rejects.toThrow(TypeError);
    const query = jest.spyOn(pool, 'query');
    try {
      expect((await states.after(last)).version).toBe(last.streamVersion);
      expect(query).not.toHaveBeenCalled();
    } finally {
      query.mockRestore();
    }
  });
});
