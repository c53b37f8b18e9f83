import type { ClientBase, Pool } from 'pg';
import { inClientTransaction, inTransaction } from './transaction';

/** A connection that records what it was sent and fails a ROLLBACK when told to: a link cut mid-transaction. */
function fakeClient(rollback: Error | undefined) {
  const sent: string[] = [];
  const released: (Error | boolean | undefined)[] = [];
  const client = {
    query: async (text: string) => {
      sent.push(text);
      if (text === 'ROLLBACK' && rollback !== undefined) throw rollback;
      return { rows: [], rowCount: 0 };
    },
    release: (error?: Error | boolean) => void released.push(error),
  };
  return { client: client as unknown as ClientBase & { release: (error?: Error | boolean) => void }, sent, released };
}

const poolOf = (client: ReturnType<typeof fakeClient>['client']): Pool => ({ connect: async () => client }) as unknown as Pool;

describe('inClientTransaction when ROLLBACK fails too', () => {
  it('rethrows the error the work threw, not the ROLLBACK’s, and hands the ROLLBACK’s to the caller', async () => {
    const original = new Error('the migration failed');
    const rollback = new Error('Client has encountered a connection error and is not queryable');
    const { client, sent } = fakeClient(rollback);
    const rollbackFailures: Error[] = [];

    const outcome = inClientTransaction(
      client,
      async (db) => {
        await db.query('INSERT INTO things VALUES (1)');
        throw original;
      },
      (error) => rollbackFailures.push(error),
    );

    await expect(outcome).rejects.toBe(original);
    expect(rollbackFailures).toEqual([rollback]);
    expect(sent).toEqual(['BEGIN', 'INSERT INTO things VALUES (1)', 'ROLLBACK']);
  });
});

describe('inTransaction on a connection of its own', () => {
  it('discards the connection whose ROLLBACK failed, and rethrows the work’s error', async () => {
    const original = new Error('statement timeout');
    const rollback = new Error('Query read timeout');
    const { client, released } = fakeClient(rollback);

    await expect(inTransaction(poolOf(client), async () => Promise.reject(original))).rejects.toBe(original);
    expect(released).toEqual([rollback]);
  });

  it('returns a connection to the pool after a COMMIT, and after a ROLLBACK that worked', async () => {
    const committed = fakeClient(undefined);
    const rolledBack = fakeClient(undefined);

    await expect(inTransaction(poolOf(committed.client), async () => 'done')).resolves.toBe('done');
    await expect(inTransaction(poolOf(rolledBack.client), async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect([committed.sent, committed.released]).toEqual([['BEGIN', 'COMMIT'], [undefined]]);
    expect([rolledBack.sent, rolledBack.released]).toEqual([['BEGIN', 'ROLLBACK'], [undefined]]);
  });
});
