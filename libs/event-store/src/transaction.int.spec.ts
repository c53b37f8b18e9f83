import { loadConfig } from '@polku/config';
import type { PoolClient } from 'pg';
import { createScratchDatabase, type ScratchDatabase } from './testing/scratch-database';
import { inClientTransaction } from './transaction';

const ADMIN_SHUTDOWN = '57P01';

/** inClientTransaction on a connection the test holds, in a database of the test's own. */
describe('inClientTransaction on the real PostgreSQL', () => {
  let db: ScratchDatabase;
  let client: PoolClient;

  beforeAll(async () => {
    db = await createScratchDatabase(loadConfig().databaseUrl, 'transaction');
    await db.pool.query('CREATE TABLE marks (mark text PRIMARY KEY)');
  });
  afterAll(() => db?.drop());

  beforeEach(async () => {
    await db.pool.query('TRUNCATE marks');
    client = await db.pool.connect();
  });
  afterEach(() => client.release(true));

  /** What another connection sees: only what was committed. */
  const committedMarks = async (): Promise<string[]> => (await db.pool.query<{ mark: string }>('SELECT mark FROM marks ORDER BY mark')).rows.map((row) => row.mark);

  it('commits what the work wrote and returns its result', async () => {
    const result = await inClientTransaction(client, async (tx) => (await tx.query("INSERT INTO marks VALUES ('kept')")).rowCount);

    expect(result).toBe(1);
    expect(await committedMarks()).toEqual(['kept']);
  });

  it('rolls back when the work throws, rethrows that error, and leaves the connection out of the transaction', async () => {
    const outcome = inClientTransaction(client, async (tx) => {
      await tx.query("INSERT INTO marks VALUES ('dropped')");
      await tx.query("INSERT INTO marks VALUES ('dropped')");
    });

    await expect(outcome).rejects.toMatchObject({ code: '23505', constraint: 'marks_pkey' });
    expect(await committedMarks()).toEqual([]);
    // Without the ROLLBACK the session would still be in the failed transaction: 25P02 here.
    await expect(client.query('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });

  it('rethrows the work’s own error when its connection died and ROLLBACK failed too', async () => {
    const rollbackFailures: Error[] = [];

    const outcome = inClientTransaction(
      client,
      async (tx) => {
        await tx.query("INSERT INTO marks VALUES ('lost')");
        await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
      },
      (rollback) => rollbackFailures.push(rollback),
    );

    await expect(outcome).rejects.toMatchObject({ code: ADMIN_SHUTDOWN });
    expect(rollbackFailures).toHaveLength(1);
    expect(await committedMarks()).toEqual([]);
  });
});
