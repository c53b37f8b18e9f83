import { randomUUID } from 'node:crypto';
import { decide, evolve, helsinkiInstant, initialPathState, isDomainError, type LocalDate, type PathCommand, type PathState } from '@polku/domain';
import { kpiPathFactsProjection, kpiRehabDaysProjection, type ProjectedEvent } from '@polku/projections';
import type { Pool } from 'pg';

type Data<T extends PathCommand['type']> = Extract<PathCommand, { type: T }>['data'];

/** A command a member of staff made on a Helsinki date at 10:00. */
export function on<T extends PathCommand['type']>(date: LocalDate, type: T, data: Data<T>): PathCommand {
  return { type, data, metadata: { occurredAt: helsinkiInstant(date, 10), actor: { userId: 'coach-17', role: 'coach' } } } as PathCommand;
}

const KPI_PROJECTIONS = [kpiPathFactsProjection, kpiRehabDaysProjection];

/** A path's events as the store would record them: each at the instant its command was made. */
function recordedEvents(pathId: string, commands: readonly PathCommand[]): ProjectedEvent[] {
  let state: PathState = initialPathState;
  const events: ProjectedEvent[] = [];
  for (const command of commands) {
    const decision = decide(command, state);
    if (isDomainError(decision)) throw new Error(`${pathId}: ${command.type} on ${command.metadata.occurredAt} rejected: ${decision.code} ${JSON.stringify(decision.facts)}`);
    for (const event of decision) {
      state = evolve(state, event);
      events.push({ ...event, eventId: randomUUID(), streamId: pathId, streamVersion: state.version, recordedAt: command.metadata.occurredAt } as ProjectedEvent);
    }
  }
  return events;
}

/**
 * Decides every path's commands with the real decider and hands the events to the KPI
 * projections as the relay would: in the order they were recorded, over all paths (a client's
 * second path marks the first), each recorded at the instant its command was made — the facts
 * of a history spread over months, without waiting months.
 */
export async function feedPaths(pool: Pool, paths: readonly { pathId: string; commands: readonly PathCommand[] }[]): Promise<void> {
  const events = paths.flatMap((path) => recordedEvents(path.pathId, path.commands));
  // Stable: a path's events of one instant keep their stream order.
  events.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  const client = await pool.connect();
  try {
    for (const event of events) for (const projection of KPI_PROJECTIONS) await projection.apply(client, event);
  } finally {
    client.release();
  }
}
