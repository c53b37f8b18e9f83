import { decide, eventIdFor, helsinkiDateOf, initialPathState, isDomainError } from '@polku/domain';
import type { NewEvent } from '@polku/event-store';

/** The real events of a path start (PathStarted + its schedule), with the ids the workflow gives them. */
export function pathStartEvents(pathId: string, index: number): NewEvent[] {
  const occurredAt = new Date().toISOString();
  const decision = decide(
    {
      type: 'StartPath',
      data: {
        pathId,
        clientReference: `cref_bench${index.toString(36).padStart(12, '0')}`,
        employmentArea: 'bench',
        municipality: 'bench',
        referralSource: 'OTHER',
        registeredOn: helsinkiDateOf(occurredAt),
        coachId: 'bench-coach',
        consents: [],
      },
      metadata: { occurredAt, actor: { userId: 'bench', role: 'system' } },
    },
    initialPathState,
  );
  if (isDomainError(decision)) throw new Error(`bench StartPath rejected: ${decision.code}`);
  return decision.map((event, i) => ({ eventId: eventIdFor(pathId, i + 1), type: event.type, data: event.data, metadata: { ...event.metadata } }));
}
