import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { appendToStream } from './append';
import { streamOfEvent } from './read';
import { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database';

describe('streamOfEvent on the real PostgreSQL', () => {
  let db: ScratchDatabase;
  beforeAll(async () => {
    db = await createScratchDatabase(loadConfig().databaseUrl, 'stream_of_event');
  });
  afterAll(() => db?.drop());

  it('names the stream an event is stored in, and nothing for an event this store does not hold', async () => {
    const [streamId, eventId] = [`path-${randomUUID()}`, randomUUID()];
    await appendToStream(db.pool, streamId, 0, [{ eventId: randomUUID(), type: 'Written', data: {} }, { eventId, type: 'Written', data: {} }]);

    expect([await streamOfEvent(db.pool, eventId), await streamOfEvent(db.pool, randomUUID())]).toEqual([streamId, undefined]);
  });
});
