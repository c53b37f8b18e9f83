import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { createPool, migrate } from '@polku/event-store';
import type { Pool } from 'pg';
import type { AppConfig } from '../../infrastructure/connections';
import { IdempotencyStore } from '../idempotency.store';

export interface StoreOnPostgres {
  readonly pool: Pool;
  readonly store: IdempotencyStore;
  /** This spec file's caller scope: its rows, and only those, are deleted afterwards. */
  readonly scope: string;
}

/** An IdempotencyStore on the real PostgreSQL for one spec file; call it in the top-level describe. */
export function storeOnPostgres(label: string): StoreOnPostgres {
  const config = loadConfig();
  const context = { scope: `${label}-${randomUUID()}` } as { pool: Pool; store: IdempotencyStore; scope: string };
  beforeAll(async () => {
    context.pool = createPool(config.databaseUrl, 2);
    await migrate(context.pool);
    context.store = new IdempotencyStore(context.pool, { values: config } as AppConfig);
  });
  afterAll(async () => {
    await context.pool.query('DELETE FROM idempotency_keys WHERE user_id = $1', [context.scope]);
    await context.pool.end();
  });
  return context;
}
