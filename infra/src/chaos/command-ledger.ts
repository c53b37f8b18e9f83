import { repeatedCommandIds, type StoredRow } from './expectations';
import { groupByStream } from './ledger-rows';
import type { Effect, SentCommand } from './sent-command';

export interface CommandLedger {
  readonly sent: number;
  readonly acked: number;
  /** Acked, but their effect is not in the event store. */
  readonly lost: number;
  /** Applied more than once: their effect twice, or their command id in two appends. */
  readonly twice: number;
  /** Events carrying `metadata.commandId` (the API's Update id): 0 until the API records it. */
  readonly withCommandId: number;
  /** Sent and acked by kind (route or call): a fault whose API load was all refused shows here. */
  readonly byKind: Readonly<Record<string, { readonly sent: number; readonly acked: number }>>;
  readonly samples: Readonly<Record<string, readonly string[]>>;
}

function matches(effect: Effect, row: StoredRow): boolean {
  if (row.streamId !== effect.streamId || row.type !== effect.type) return false;
  if (effect.type === 'PathStarted') return true;
  return (row.data as { consent?: { scope?: unknown } }).consent?.scope === effect.scope;
}

/**
 * Every command against the store: acked ones must have left their effect exactly once, and no
 * command (acked or not: a retried, unanswered one too) may have left it twice.
 */
export function commandLedger(commands: readonly SentCommand[], rows: readonly StoredRow[]): CommandLedger {
  const byStream = groupByStream(rows);
  const lost: string[] = [];
  const twice: string[] = [];
  const explained = new Set<string>(); // command ids behind an effect already counted twice
  for (const command of commands) {
    const effect = command.effect;
    if (!effect) continue;
    const found = (byStream.get(effect.streamId) ?? []).filter((row) => matches(effect, row));
    if (command.acked && found.length === 0) lost.push(command.key);
    if (found.length > 1) {
      twice.push(command.key);
      for (const row of found) if (typeof row.metadata['commandId'] === 'string') explained.add(row.metadata['commandId']);
    }
  }
  const repeated = repeatedCommandIds(rows).filter((id) => !explained.has(id));
  return {
    sent: commands.length,
    acked: commands.filter((command) => command.acked).length,
    lost: lost.length,
    twice: twice.length + repeated.length,
    withCommandId: rows.filter((row) => typeof row.metadata['commandId'] === 'string').length,
    byKind: byKind(commands),
    samples: { lost, twice: [...twice, ...repeated.map((id) => `commandId ${id}`)] },
  };
}

function byKind(commands: readonly SentCommand[]): Record<string, { sent: number; acked: number }> {
  const kinds: Record<string, { sent: number; acked: number }> = {};
  for (const { label, acked } of commands) {
    const kind = kinds[label] ?? { sent: 0, acked: 0 };
    kinds[label] = { sent: kind.sent + 1, acked: kind.acked + (acked ? 1 : 0) };
  }
  return kinds;
}
