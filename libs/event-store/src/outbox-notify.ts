import type { Pool } from 'pg';

/** One NOTIFY per this many milliseconds per pool, however many appends commit meanwhile. */
const COALESCE_MS = 5;
/** The channel the relay LISTENs on. */
export const OUTBOX_CHANNEL = 'polku_outbox';

const pending = new WeakSet<Pool>();

/**
 * Tells the relay, after a commit, that the outbox has rows: at most one NOTIFY per pool per
 * COALESCE_MS, on a connection of the pool, outside every append's transaction (a NOTIFY inside
 * one holds PostgreSQL's notify lock through COMMIT and serialises appenders). Best effort: a
 * lost notification costs the relay its fallback poll, never an event.
 */
export function notifyOutboxSoon(pool: Pool): void {
  if (pending.has(pool)) return;
  pending.add(pool);
  setTimeout(() => {
    pending.delete(pool);
    pool.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`).catch(() => undefined);
  }, COALESCE_MS).unref();
}
