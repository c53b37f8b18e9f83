import type { DatabaseSettings } from '@polku/config';
import { createPool } from '@polku/event-store';
import type { Pool } from 'pg';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const DEFAULT_MAX = 8;

export type SchemaPoolOptions = Partial<DatabaseSettings> & { readonly max?: number };

/**
 * A pool whose sessions resolve unqualified names in the consumer's own schema, so the same
 * migrations and handlers serve `municipal` in production and a throw-away schema in a test.
 * Bounded like every pool (createPool): bounds left out come from the configuration.
 */
export function createSchemaPool(databaseUrl: string, schema: string, options: SchemaPoolOptions | number = {}): Pool {
  if (!IDENTIFIER.test(schema)) throw new Error(`Schema ${schema} is not a plain identifier`);
  const { max = DEFAULT_MAX, ...bounds } = typeof options === 'number' ? { max: options } : options;
  return createPool(databaseUrl, { ...bounds, max, applicationName: `polku-${schema}`, searchPath: schema });
}

export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`${name} is not a plain identifier`);
  return name;
}
