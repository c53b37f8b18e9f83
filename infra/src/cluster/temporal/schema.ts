import { join } from 'node:path';
import { Client } from 'pg';
import { HOST, Ports } from '../../layout';
import { say } from '../../log';
import { DATABASE_URL } from '../../postgres';
import { runLogged } from '../../process';
import { TemporalBuild } from './build';
import { TEMPORAL_DATABASE, VISIBILITY_DATABASE, type TemporalDatabaseLogin } from './server-config';

/**
 * Temporal's own login on the cluster's PostgreSQL. The cluster runs on loopback only, like
 * `npm start`; a deployment gives the Helm chart a Secret instead (infra/k8s/temporal).
 */
export const TEMPORAL_LOGIN: TemporalDatabaseLogin = { user: 'temporal', password: 'polku-temporal-dev' };

async function asOwner<T>(database: string, work: (client: Client) => Promise<T>): Promise<T> {
  const url = new URL(DATABASE_URL);
  url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The role and its two databases, created once; their names and the password are constants, never input. */
async function ensureDatabases(): Promise<void> {
  await asOwner('postgres', async (client) => {
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [TEMPORAL_LOGIN.user]);
    if (role.rowCount === 0) await client.query(`CREATE ROLE ${TEMPORAL_LOGIN.user} LOGIN PASSWORD '${TEMPORAL_LOGIN.password}'`);
    for (const database of [TEMPORAL_DATABASE, VISIBILITY_DATABASE]) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (rowCount === 0) await client.query(`CREATE DATABASE ${database} OWNER ${TEMPORAL_LOGIN.user}`);
    }
  });
}

/** `setup-schema -v 0.0` would reset a versioned database to 0.0: run it only on a new one. */
async function versioned(database: string): Promise<boolean> {
  return asOwner(database, async (client) => (await client.query("SELECT 1 FROM pg_tables WHERE tablename = 'schema_version'")).rowCount === 1);
}

function sqlTool(database: string, args: readonly string[]): Promise<void> {
  const env = {
    ...process.env,
    SQL_PLUGIN: 'postgres12',
    SQL_HOST: HOST,
    SQL_PORT: String(Ports.postgres),
    SQL_USER: TEMPORAL_LOGIN.user,
    // The password goes by environment, so it is in no command line or error message.
    SQL_PASSWORD: TEMPORAL_LOGIN.password,
    SQL_DATABASE: database,
  };
  return runLogged(TemporalBuild.sqlTool, args, 'temporal-sql-tool', { env });
}

/**
 * Temporal's schema from the module's schema/postgresql/v12, with its own SQL tool: set up once,
 * then brought to the newest version at every start (already there: nothing happens).
 */
export async function ensureTemporalSchema(): Promise<void> {
  await ensureDatabases();
  for (const [database, dir] of [
    [TEMPORAL_DATABASE, 'temporal'],
    [VISIBILITY_DATABASE, 'visibility'],
  ] as const) {
    if (!(await versioned(database))) {
      say(`Temporal: setting up the ${database} schema`);
      await sqlTool(database, ['setup-schema', '-v', '0.0']);
    }
    await sqlTool(database, ['update-schema', '-d', join(TemporalBuild.schema, dir, 'versioned')]);
  }
}
