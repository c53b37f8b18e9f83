import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { appendToStream } from './append';
import { readUnsent } from './outbox-unsent';
import { readStream } from './read';
import { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database';

/** The relay's read of the outbox, in a database of the test's own (no relay marks its rows). */
describe('readUnsent on the real PostgreSQL', () => {
  let db: ScratchDatabase;
  beforeAll(async () => {
    db = await createScratchDatabase(loadConfig().databaseUrl, 'outbox_unsent');
  });
  afterAll(() => db?.drop());

  /** Appends `count` events to a new stream; returns their ids in version order. */
  async function stream(count: number): Promise<{ streamId: string; ids: string[] }> {
    const streamId = `outbox-${randomUUID()}`;
    const ids = Array.from({ length: count }, () => randomUUID());
    await appendToStream(db.pool, streamId, 0, ids.map((eventId, n) => ({ eventId, type: 'Written', data: { n } })));
    return { streamId, ids };
  }

  it('reads unsent rows in append order with their recorded events, leaving out sent rows, skipped rows and rows past the limit', async () => {
    const a = await stream(3);
    const b = await stream(2);
    const [a1, a2, a3] = a.ids as [string, string, string];
    const [b1, b2] = b.ids as [string, string];
    await db.pool.query('UPDATE outbox SET sent_at = now() WHERE event_id = $1::uuid', [a2]);

    const unsent = await readUnsent(db.pool, 10);
    expect(unsent.map((row) => row.event.eventId)).toEqual([a1, a3, b1, b2]);
    expect(unsent.map((row) => Number(row.outboxId))).toEqual([...unsent.map((row) => Number(row.outboxId))].sort((x, y) => x - y));
    expect(unsent[0]?.event).toEqual((await readStream(db.pool, a.streamId, { from: 1, to: 1 }))[0]);

    const skipping = await readUnsent(db.pool, 2, [unsent[1]?.outboxId ?? '']);
    expect(skipping.map((row) => row.event.eventId)).toEqual([a1, b1]);
  });
});
