import { loadDatabaseSettings, loadDatabaseTls, type DatabaseSettings, type DatabaseTls } from '@polku/config';
import { Pool, type PoolConfig } from 'pg';

// The client gives up on a query this long after the server would have cancelled it: on a live
// link the server's own cancel (57014) always wins; on a dead one nothing would ever answer.
const QUERY_TIMEOUT_MARGIN_MS = 2_000;
const DEFAULT_MAX = 10;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Anything left out comes from the configuration (`loadDatabaseSettings`: DATABASE_*_MS or defaults). */
export interface PoolOptions extends Partial<DatabaseSettings> {
  readonly max?: number;
  /** Shown in pg_stat_activity. */
  readonly applicationName?: string;
  /** Unqualified names resolve here (a consumer's own schema); must be a plain identifier. */
  readonly searchPath?: string;
  /** TLS to the server; from the configuration (DATABASE_SSL_MODE, DATABASE_SSL_CA) when left out. */
  readonly tls?: DatabaseTls;
}

/**
 * A pg pool for the project database; callers own it and must `end()` it on shutdown. Every
 * connection is bounded (docs/database-timeouts.md): a connect timeout, the server's statement
 * and idle-in-transaction timeouts, a client-side query timeout and TCP keep-alive.
 * `createPool(url, max)` still works and gets the configured bounds.
 */
export function createPool(databaseUrl: string, options: PoolOptions | number = {}): Pool {
  const { max = DEFAULT_MAX, applicationName = 'polku', searchPath, tls = loadDatabaseTls(), ...bounds } = typeof options === 'number' ? { max: options } : options;
  // Goes into the startup packet's options unquoted, so only a plain name passes.
  if (searchPath !== undefined && !IDENTIFIER.test(searchPath)) throw new Error(`Search path ${searchPath} is not a plain identifier`);
  const settings: DatabaseSettings = { ...loadDatabaseSettings(), ...bounds };
  const pool = new Pool({
    connectionString: databaseUrl,
    max,
    application_name: applicationName,
    ...(searchPath === undefined ? {} : { options: `-c search_path=${searchPath}` }),
    ...boundsOf(settings),
    ssl: tlsOf(tls),
  });
  surviveDeadConnections(pool);
  return pool;
}

/** verify-full: the CA (or the system's) vouches for the server, and its name must match the host. */
function tlsOf(tls: DatabaseTls): PoolConfig['ssl'] {
  if (tls.mode === 'disable') return false;
  return { rejectUnauthorized: true, ...(tls.ca === undefined ? {} : { ca: tls.ca }) };
}

function boundsOf(settings: DatabaseSettings): PoolConfig {
  return {
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    query_timeout: settings.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: settings.keepAliveDelayMs,
    idleTimeoutMillis: settings.poolIdleTimeoutMs,
  };
}

/**
 * With the server now ending sessions (idle in transaction) and keep-alive noticing dead peers,
 * connections die while nobody is querying them. node-postgres reports that as an 'error' event,
 * which with no listener kills the process. The failure is not lost: the pool drops the dead
 * client, and whoever holds it gets the error from its next query.
 */
function surviveDeadConnections(pool: Pool): void {
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
}
