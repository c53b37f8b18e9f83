import { deadLetterTopicOf, Topics, translate, translationContextOf, type StoredDomainEvent } from '@polku/contracts';
import { evolve, FIRING_EVENTS, helsinkiDateOf, initialPathState, type PathEvent, type PathEventType, type PathState } from '@polku/domain';

/** One row of the `events` table, as the ledger reads it. */
export interface StoredRow {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly recordedAt: string;
  readonly transactionId: string;
}

export interface ItemAccount {
  /** Items that came due by `now`: those that fired and those still pending. */
  readonly due: number;
  /** Firings of a pending item: the item fired. */
  readonly fired: number;
  /** Firings of an item that was not pending (already fired, cancelled, never planned). */
  readonly firedTwice: number;
  /** Ids of items due by `now` that have not fired. */
  readonly unfired: readonly string[];
  /** Every firing event's id: each must have its staff notification. */
  readonly firingEventIds: readonly string[];
}

export interface StreamAccount {
  /** Event id → every topic it must reach, as the relay's translator decides. */
  readonly publications: ReadonlyMap<string, readonly string[]>;
  readonly items: ItemAccount;
}

/**
 * What one stream (rows in version order) obliges the rest of the system to: folded with the
 * domain's own `evolve`, so the schedule and the audiences are the domain's and the
 * translator's, never a second copy of their rules.
 */
export function accountStream(rows: readonly StoredRow[], now: number): StreamAccount {
  let state: PathState = initialPathState;
  const publications = new Map<string, readonly string[]>();
  let fired = 0;
  let firedTwice = 0;
  const firingEventIds: string[] = [];
  for (const row of rows) {
    const event = { type: row.type, data: row.data, metadata: row.metadata } as unknown as PathEvent;
    if (FIRING_EVENTS.includes(row.type as PathEventType)) {
      firingEventIds.push(row.eventId);
      const itemId = (row.data as { item?: { id?: unknown } }).item?.id;
      if (state.status !== 'NONE' && typeof itemId === 'string' && state.schedule[itemId]) fired++;
      else firedTwice++;
    }
    state = evolve(state, event);
    publications.set(row.eventId, topicsOf(row, event, state));
  }
  const unfired = dueUnfired(state, now);
  return { publications, items: { due: fired + unfired.length, fired, firedTwice, unfired, firingEventIds } };
}

/** A paused path holds its timers (the workflow does not fire while paused). */
function dueUnfired(state: PathState, now: number): string[] {
  if (state.status === 'NONE' || state.status === 'PAUSED') return [];
  return Object.values(state.schedule)
    .filter((item) => Date.parse(item.dueAt) <= now)
    .map((item) => item.id);
}

/** Like apps/relay/src/translation.ts: the path as it stands after the event picks the audiences. */
function topicsOf(row: StoredRow, event: PathEvent, after: PathState): readonly string[] {
  const stored = { ...event, eventId: row.eventId, streamId: row.streamId, streamVersion: row.streamVersion, recordedAt: row.recordedAt } as StoredDomainEvent;
  const occurredAt = typeof row.metadata['occurredAt'] === 'string' ? row.metadata['occurredAt'] : row.recordedAt;
  try {
    return translate(stored, translationContextOf(after, helsinkiDateOf(occurredAt))).map((message) => message.topic);
  } catch {
    // The relay parks an event it cannot translate on the internal topic's DLQ.
    return [deadLetterTopicOf(Topics.events)];
  }
}

/**
 * Command ids appended more than once: one command's events share a transaction, so the same
 * `metadata.commandId` in two transactions is a command applied twice.
 */
export function repeatedCommandIds(rows: readonly StoredRow[]): string[] {
  const transactions = new Map<string, Set<string>>();
  for (const row of rows) {
    const commandId = row.metadata['commandId'];
    if (typeof commandId !== 'string') continue;
    const key = `${row.streamId}\n${commandId}`;
    transactions.set(key, (transactions.get(key) ?? new Set()).add(row.transactionId));
  }
  return [...transactions].filter(([, seen]) => seen.size > 1).map(([key]) => key.split('\n')[1] as string);
}
