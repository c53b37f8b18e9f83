/**
 * The staff commands a path has applied, by command id (the Temporal Update id the API derives
 * from the request's Idempotency-Key; every event of the command carries it as
 * `metadata.commandId`). The workflow carries the recent ones across continue-as-new and
 * restarts, so a repeated command is answered as already done instead of being applied again.
 */
export interface AppliedCommand {
  /** The stream version of the command's last event: the outcome the caller was answered with. */
  readonly version: number;
  /** When it was applied (ISO instant): entries older than the window are forgotten. */
  readonly at: string;
}

export type AppliedCommands = Readonly<Record<string, AppliedCommand>>;

/** How long an Idempotency-Key's answer is kept by the API, and its command id by the path. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * A bound on what a workflow carries: far above the commands a path gets in a day. Beyond it
 * the oldest are dropped; the event store still refuses a second application of them.
 */
export const APPLIED_COMMANDS_KEPT = 500;

/** `commands` with `id` added, pruned to the window ending `now` and to the newest APPLIED_COMMANDS_KEPT. */
export function rememberCommand(commands: AppliedCommands, id: string, applied: AppliedCommand, now: string): AppliedCommands {
  return prune({ ...commands, [id]: applied }, now);
}

/** The command ids recorded in a stream's events, as the workflow carries them. */
export function appliedCommandsOf(events: readonly { readonly streamVersion: number; readonly metadata: { readonly commandId?: unknown; readonly occurredAt?: unknown } }[], now: string): AppliedCommands {
  const commands: Record<string, AppliedCommand> = {};
  for (const { streamVersion, metadata } of events) {
    const { commandId, occurredAt } = metadata;
    if (typeof commandId === 'string' && typeof occurredAt === 'string') commands[commandId] = { version: streamVersion, at: occurredAt };
  }
  return prune(commands, now);
}

function prune(commands: AppliedCommands, now: string): AppliedCommands {
  const since = Date.parse(now) - IDEMPOTENCY_WINDOW_MS;
  const recent = Object.entries(commands)
    .filter(([, applied]) => Date.parse(applied.at) >= since)
    .sort(([, a], [, b]) => b.version - a.version)
    .slice(0, APPLIED_COMMANDS_KEPT);
  return Object.fromEntries(recent);
}
