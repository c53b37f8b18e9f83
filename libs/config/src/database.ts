import { ConfigError } from './config-error';

/**
 * Bounds on every database call, so a cut or stalled link fails a call instead of hanging a
 * worker, the relay or a projection forever (docs/database-timeouts.md). All in milliseconds.
 */
export interface DatabaseSettings {
  /** How long opening a connection (TCP, TLS, authentication) may take; with pg-pool also how long a call waits for a free pooled connection. */
  readonly connectTimeoutMs: number;
  /** PostgreSQL's `statement_timeout`: the server cancels a longer statement (SQLSTATE 57014). */
  readonly statementTimeoutMs: number;
  /** PostgreSQL's `idle_in_transaction_session_timeout`: the server ends a session idling inside a transaction. */
  readonly idleInTransactionTimeoutMs: number;
  /** TCP keep-alive starts probing a connection silent this long, so a dead peer is noticed. */
  readonly keepAliveDelayMs: number;
  /** An unused pooled connection is closed after this long. */
  readonly poolIdleTimeoutMs: number;
}

export const DEFAULT_DATABASE_SETTINGS: DatabaseSettings = {
  connectTimeoutMs: 10_000,
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
  keepAliveDelayMs: 10_000,
  poolIdleTimeoutMs: 30_000,
};

// One day. Also keeps every bound (plus the pool's margin above the statement timeout) far
// below Node's largest timer delay (2^31 - 1 ms), past which a timer fires at once.
const MAX_BOUND_MS = 86_400_000;

type Env = Readonly<Record<string, string | undefined>>;

/** The DATABASE_*_MS variables; what pools fall back to when a caller names no bounds. */
export function loadDatabaseSettings(env: Env = process.env): DatabaseSettings {
  const defaults = DEFAULT_DATABASE_SETTINGS;
  const settings: DatabaseSettings = {
    connectTimeoutMs: bound(env, 'DATABASE_CONNECT_TIMEOUT_MS', defaults.connectTimeoutMs),
    statementTimeoutMs: bound(env, 'DATABASE_STATEMENT_TIMEOUT_MS', defaults.statementTimeoutMs),
    idleInTransactionTimeoutMs: bound(env, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', defaults.idleInTransactionTimeoutMs),
    keepAliveDelayMs: bound(env, 'DATABASE_KEEPALIVE_DELAY_MS', defaults.keepAliveDelayMs),
    poolIdleTimeoutMs: bound(env, 'DATABASE_POOL_IDLE_TIMEOUT_MS', defaults.poolIdleTimeoutMs),
  };
  // A transaction may sit idle while it waits on a query on another connection (the projection
  // rebuild reads the log that way between its statements); that query is bounded by the
  // statement timeout, so the idle bound must lie above it or a healthy rebuild is ended.
  if (settings.idleInTransactionTimeoutMs <= settings.statementTimeoutMs) {
    throw new ConfigError('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 'must be greater than DATABASE_STATEMENT_TIMEOUT_MS');
  }
  return settings;
}

function bound(env: Env, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < 1 || value > MAX_BOUND_MS) {
    throw new ConfigError(variable, `must be a whole number of milliseconds from 1 to ${MAX_BOUND_MS}`);
  }
  return value;
}
