import { randomBytes } from 'node:crypto';

/** Base-36 milliseconds take 8 characters until the year 2059. */
const TIME_CHARS = 8;

/**
 * Lower-case letters and digits only: it names a database, a namespace and topics. It starts
 * with the time, so a later run can tell a leftover of a run killed hours ago from a run that
 * is still going (another engineer's, on this shared machine).
 */
export function newRunId(now = Date.now()): string {
  return `${now.toString(36).padStart(TIME_CHARS, '0')}${randomBytes(3).toString('hex')}`;
}

/** When the run began, from its id; undefined when the id is not one of ours. */
export function startedAtOf(runId: string): number | undefined {
  const ms = Number.parseInt(runId.slice(0, TIME_CHARS), 36);
  return /^[a-z0-9]{14}$/.test(runId) && Number.isFinite(ms) ? ms : undefined;
}
