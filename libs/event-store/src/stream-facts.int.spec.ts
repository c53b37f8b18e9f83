import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { appendToStream } from './append';
import { answerableAreaOf, employmentAreaOf } from './stream-facts';
import { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database';
import { inTransaction } from './transaction';

/** The facts authorisation reads from the store, in a database of the test's own (no relay, no projections). */
describe('stream facts on the real PostgreSQL', () => {
  let db: ScratchDatabase;
  beforeAll(async () => {
    db = await createScratchDatabase(loadConfig().databaseUrl, 'stream_facts');
  });
  afterAll(() => db?.drop());

  /** A started path: its PathStarted (and a later event), and its active-path row unless exited. */
  async function path(clientReference: string, employmentArea: string, active: boolean): Promise<string> {
    const pathId = randomUUID();
    await appendToStream(db.pool, pathId, 0, [
      { eventId: randomUUID(), type: 'PathStarted', data: { pathId, clientReference, employmentArea } },
      { eventId: randomUUID(), type: 'CoachReassigned', data: { employmentArea: 'not this one' } },
    ]);
    if (active) await db.pool.query('INSERT INTO client_active_paths (client_reference, path_id) VALUES ($1, $2)', [clientReference, pathId]);
    return pathId;
  }

  it('reads a path’s employment area from its PathStarted, and nothing for an unknown path', async () => {
    const pathId = await path(`cref_${randomUUID().replace(/-/g, '')}`, 'Hämeenlinna', true);
    expect([await employmentAreaOf(db.pool, pathId), await employmentAreaOf(db.pool, randomUUID())]).toEqual(['Hämeenlinna', undefined]);
  });

  it('answers for a client with the area of the active path, else of the latest, else null', async () => {
    const [held, exited, never] = [1, 2, 3].map(() => `cref_${randomUUID().replace(/-/g, '')}`) as [string, string, string];
    await path(held, 'Hattula', false);
    await path(held, 'Janakkala', true);
    await path(held, 'Pirkanmaa', false);
    await path(exited, 'Hattula', false);
    await path(exited, 'Janakkala', false);
    const answers = await inTransaction(db.pool, async (tx) => Promise.all([held, exited, never].map((reference) => answerableAreaOf(tx, reference))));
    expect(answers).toEqual(['Janakkala', 'Janakkala', null]);
  });
});
