import { decide, evolve, helsinkiInstant, initialPathState, isDomainError, type LocalDate, type PathCommand, type PathState } from '@polku/domain';
import { appendToStream } from '@polku/event-store';
import type { Pool } from 'pg';
import { randomUUID } from 'node:crypto';

type Data<T extends PathCommand['type']> = Extract<PathCommand, { type: T }>['data'];

/** A command made by the coach on a Helsinki date at 10:00. */
export function cmd<T extends PathCommand['type']>(type: T, on: LocalDate, data: Data<T>): PathCommand {
  return { type, data, metadata: { occurredAt: helsinkiInstant(on, 10), actor: { userId: 'coach-17', role: 'coach' } } } as PathCommand;
}

export const start = (pathId: string, registeredOn: LocalDate, municipality: string) =>
  cmd('StartPath', registeredOn, {
    pathId, clientReference: `cref_${pathId.replace(/[^a-z0-9]/g, "").padEnd(16, "0").slice(-40)}`, employmentArea: 'EA-TEST', municipality,
    referralSource: 'SELF_REGISTRATION', registeredOn, coachId: 'coach-17', consents: [],
  });

/** Decides each command with the real decider and appends its events, one append per command. */
export async function appendPath(pool: Pool, pathId: string, commands: readonly PathCommand[]): Promise<PathState> {
  let state: PathState = initialPathState;
  for (const command of commands) {
    const decision = decide(command, state);
    if (isDomainError(decision)) throw new Error(`${command.type} rejected: ${decision.code}`);
    await appendToStream(pool, pathId, state.version, decision.map((event) => ({ eventId: randomUUID(), type: event.type, data: event.data, metadata: { ...event.metadata } })));
    state = decision.reduce(evolve, state);
  }
  return state;
}

export const uniqueId = (label: string) => `proj-${label}-${randomUUID().slice(0, 8)}`;
