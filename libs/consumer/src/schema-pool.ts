import { Pool } from 'pg';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * A pool whose sessions resolve unqualified names in the consumer's own schema, so the same
 * migrations and handlers serve `municipal` in production and a throw-away schema in a test.
 */
export function createSchemaPool(databaseUrl: string, schema: string, max = 8): Pool {
  if (!IDENTIFIER.test(schema)) throw new Error(`Schema ${schema} is not a plain identifier`);
  return new Pool({ connectionString: databaseUrl, max, application_name: `polku-${schema}`, options: `-c search_path=${schema}` });
}

export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`${name} is not a plain identifier`);
  return name;
}
