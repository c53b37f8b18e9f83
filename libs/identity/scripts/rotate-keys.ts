import { loadConfig } from '@polku/config';
import { createPool, migrate } from '@polku/event-store';
import { rotateMasterKey } from '../src';

/**
 * `npm run keys:rotate`: re-wraps every held client key under the current master key
 * (POLKU_IDENTITY_MASTER_KEY / _ID), reading rows under the retired keys in
 * POLKU_IDENTITY_OLD_MASTER_KEYS. Safe to run while the API serves, to re-run, and to stop
 * (Ctrl-C finishes the batch in hand). Exits 1 while any held row is still under another key.
 * Prints counts only: never a reference, never a code. Procedure: docs/erasure.md.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const pool = createPool(config.databaseUrl, { max: 2, applicationName: 'polku-keys-rotate' });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  try {
    await migrate(pool);
    const { masterKeyId, masterKeys } = config.identity;
    out(`keys:rotate → current master key ${masterKeyId}; readers also accept: ${[...masterKeys.keys()].filter((id) => id !== masterKeyId).join(', ') || 'none'}`);
    const result = await rotateMasterKey(pool, config.identity, {
      batchSize: batchSize(process.env['KEYS_ROTATE_BATCH']),
      signal: stop.signal,
      onBatch: ({ rewrapped }) => out(`re-wrapped ${rewrapped}`),
    });
    out(`done: ${result.rewrapped} re-wrapped, ${result.unreadable} unreadable, ${result.remaining} still under another key`);
    if (result.remaining > 0) process.exitCode = 1;
  } finally {
    await pool.end();
  }
}

function batchSize(raw: string | undefined): number {
  const value = Number(raw ?? 200);
  if (!Number.isInteger(value) || value < 1 || value > 10_000) throw new Error('KEYS_ROTATE_BATCH must be a whole number from 1 to 10000');
  return value;
}

main().catch((error: unknown) => {
  // A database error is named by its SQLSTATE only: PostgreSQL's messages can quote the values.
  const { name, message, code } = error as Error & { code?: unknown };
  process.stderr.write(`keys:rotate failed: ${name}: ${typeof code === 'string' ? `SQLSTATE ${code}` : message}\n`);
  process.exitCode = 1;
});
