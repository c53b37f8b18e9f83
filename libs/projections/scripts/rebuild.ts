import { loadConfig } from '@polku/config';
import { createPool, migrate } from '@polku/event-store';
import { PROJECTIONS, rebuild } from '../src';

/** `npm run projections:rebuild`: rebuilds every projection from the event store, prints row counts. */
async function main(): Promise<void> {
  const pool = createPool(loadConfig().databaseUrl, 3);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  // Parked events are summed up below instead of one line each (test data can hold thousands).
  const log = { info: () => undefined, warn: () => undefined };
  try {
    await migrate(pool);
    const counts = await rebuild(pool, PROJECTIONS, { log });
    for (const [table, rows] of Object.entries(counts)) out(`${table.padEnd(20)} ${rows} rows`);
    const { rows } = await pool.query<{ name: string; parked: string }>('SELECT name, count(*) AS parked FROM projection_parked GROUP BY name ORDER BY name');
    for (const row of rows) out(`parked (${row.name}) ${row.parked} events`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`projections:rebuild failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
