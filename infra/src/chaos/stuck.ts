import { errorText, mapLimit, pollUntil } from './bounded';
import { recordConsent } from './load';
import type { SentCommand } from './sent-command';
import type { StaffApi } from './staff-api';

/** A path must answer a read within this long. */
const READ_WITHIN_MS = 30_000;
const READ_RETRY_MS = 1_000;
const CHECK_CONCURRENCY = 8;
/** The one command the check knows how to build; every started path allows it (gates: open). */
const NEXT_COMMAND = 'record-consent';

export interface StuckCheck {
  readonly checked: number;
  /** `<path id>: <why>` for each path that did not answer a read or apply its next command. */
  readonly stuck: readonly string[];
  /** The commands it sent: they join the fault's ledger. */
  readonly commands: readonly SentCommand[];
}

/**
 * No path is left stuck: each answers `GET /paths/{id}`, and a valid next command (one of its
 * allowedCommands) sent with an Idempotency-Key is applied (2xx).
 */
export async function checkStuck(api: StaffApi, pathIds: readonly string[], tag: string, signal: AbortSignal): Promise<StuckCheck> {
  const outcomes = await mapLimit(pathIds, CHECK_CONCURRENCY, (pathId, i) => checkPath(api, pathId, `${tag}-next-${i}`, signal));
  return {
    checked: pathIds.length,
    stuck: outcomes.flatMap((outcome, i) => (outcome.stuck ? [`${pathIds[i]}: ${outcome.stuck}`] : [])),
    commands: outcomes.flatMap((outcome) => (outcome.command ? [outcome.command] : [])),
  };
}

async function checkPath(api: StaffApi, pathId: string, key: string, signal: AbortSignal): Promise<{ stuck?: string; command?: SentCommand }> {
  let lastRead = 'no answer';
  const read = await pollUntil(
    async () => {
      const answer = await api.request('GET', `/paths/${pathId}`).catch((error: unknown) => ({ status: 0, body: errorText(error) }));
      lastRead = `GET answered ${answer.status}`;
      return answer.status === 200 ? (answer.body as { allowedCommands?: string[] }) : undefined;
    },
    { timeoutMs: READ_WITHIN_MS, intervalMs: READ_RETRY_MS, signal },
  );
  if (!read.value) return { stuck: lastRead };
  const allowed = read.value.allowedCommands ?? [];
  if (!allowed.includes(NEXT_COMMAND)) return { stuck: `${NEXT_COMMAND} is not among its allowed commands (${allowed.join(', ')})` };
  const command = await recordConsent(api, pathId, key, signal);
  return command.acked ? { command } : { command, stuck: `its next command was not applied: ${command.failure ?? 'no answer'} after ${command.attempts} attempts` };
}
