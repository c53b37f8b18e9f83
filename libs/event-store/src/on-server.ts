import { createPool } from './pool';

/**
 * Runs a statement that cannot run in a transaction or in the database it changes (CREATE and
 * DROP DATABASE) on its own one-connection session to `serverUrl`'s server, closed afterwards.
 */
export async function onServer(serverUrl: string, sql: string): Promise<void> {
  const admin = createPool(serverUrl, 1);
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
