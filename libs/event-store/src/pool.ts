import { Pool } from 'pg';

/** A pg pool for the project database; callers own it and must `end()` it on shutdown. */
export function createPool(databaseUrl: string, max = 10): Pool {
  return new Pool({ connectionString: databaseUrl, max, application_name: 'polku' });
}
