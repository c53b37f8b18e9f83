// SQLSTATE classes that say "try again": connection exceptions, transaction rollbacks
// (serialization failures, deadlocks), insufficient resources, operator intervention (shutdown).
const TRANSIENT_SQLSTATE = /^(08|40|53|57)/;
// The server ended a session left idle inside a transaction (idle_in_transaction_session_timeout):
// the connection stalled, not the event.
const IDLE_IN_TRANSACTION_ENDED = '25P03';
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
// node-postgres reports a dropped connection, a full pool or its own query timeout (a stalled
// link: createPool sets one a little above the statement timeout) without any code.
const TRANSIENT_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i, /Query read timeout/i];

/**
 * Whether a failure is about the database being unavailable rather than about the event: those
 * must not dead-letter a good message; the consumer retries (and kafkajs restarts it) instead.
 */
export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE_CODES.has(code) || code === IDLE_IN_TRANSACTION_ENDED)) return true;
  return typeof message === 'string' && TRANSIENT_MESSAGES.some((pattern) => pattern.test(message));
}

/** A short, value-free description of a handler failure for the dead-letter reason. */
export function failureCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'HANDLER_FAILED';
  const { code, name } = error as { code?: unknown; name?: unknown };
  if (typeof code === 'string') return `HANDLER_FAILED: ${code}`;
  return typeof name === 'string' ? `HANDLER_FAILED: ${name}` : 'HANDLER_FAILED';
}
