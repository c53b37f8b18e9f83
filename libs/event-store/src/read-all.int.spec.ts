import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import type { Pool, PoolClient } from 'pg';
import { appendToStream } from './append';
import { migrate } from './migrate';
import { createPool } from './pool';
import { checkpointOf, readAll, START, type Checkpoint } from './read';

const WRITERS = 8;
const EVENTS_PER_WRITER = 15;

/** Drains the global log from `checkpoint` and returns the ids seen and the new checkpoint. */
async function drain(pool: Pool, checkpoint: Checkpoint): Promise<{ ids: string[]; checkpoint: Checkpoint }> {
  const ids: string[] = [];
  for (;;) {
    const batch = await readAll(pool, checkpoint, 50);
    if (batch.length === 0) return { ids, checkpoint };
    ids.push(...batch.map((event) => event.eventId));
    checkpoint = checkpointOf(batch[batch.length - 1] as (typeof batch)[number]);
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('readAll on the real PostgreSQL: commit order never skips an event', () => {
  let pool: Pool;

  beforeAll(async () => {
    pool = createPool(loadConfig().databaseUrl, WRITERS + 4);
    await migrate(pool);
  });

  afterAll(() => pool.end());

  it('sees every event exactly once while writers commit out of position order around a long open transaction', async () => {
    const { checkpoint: start } = await drain(pool, START);
    const run = randomUUID();

    // A long transaction takes a position early and commits last.
    const long: PoolClient = await pool.connect();
    await long.query('BEGIN');
    const longId = randomUUID();
    await long.query(`INSERT INTO events (stream_id, stream_version, event_id, event_type, data) VALUES ($1, 1, $2, 'Long', '{}')`, [`long-${run}`, longId]);

    // Writers hold their transactions open for random times, so positions commit out of order.
    const writers = Array.from({ length: WRITERS }, async (_, writer) => {
      for (let n = 1; n <= EVENTS_PER_WRITER; n += 1) {
        await appendToStream(pool, `w${writer}-${run}`, n - 1, [{ eventId: randomUUID(), type: 'Written', data: { n } }], {
          beforeCommit: () => pause(Math.random() * 15),
        });
      }
    });

    // A reader follows the log the whole time.
    let checkpoint = start;
    const seen: string[] = [];
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const next = await drain(pool, checkpoint);
        seen.push(...next.ids);
        checkpoint = next.checkpoint;
        await pause(3);
      }
    })();

    await Promise.all(writers);
    const beforeLongCommit = await drain(pool, checkpoint);
    expect(beforeLongCommit.ids).toEqual([]); // everything after the long transaction waits for it
    await long.query('COMMIT');
    long.release();
    writing = false;
    await reader;
    seen.push(...(await drain(pool, checkpoint)).ids);

    const { rows } = await pool.query<{ event_id: string }>(
      "SELECT event_id::text FROM events WHERE stream_id LIKE '%-' || $1",
      [run],
    );
    const ours = new Set(rows.map((row) => row.event_id));
    expect(ours.size).toBe(WRITERS * EVENTS_PER_WRITER + 1);
    const seenOurs = seen.filter((id) => ours.has(id));
    expect(new Set(seenOurs).size).toBe(seenOurs.length); // nothing twice
    expect(new Set(seenOurs)).toEqual(ours); // nothing skipped
    expect(seenOurs).toContain(longId);
  });
});
