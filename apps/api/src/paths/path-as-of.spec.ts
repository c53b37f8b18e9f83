import { decide, evolve, helsinkiInstant, initialPathState, isDomainError, type PathCommand, type PathState } from '@polku/domain';
import type { RecordedEvent } from '@polku/event-store';
import { PathStore } from './path-store';

const on = (date: string, type: PathCommand['type'], data: unknown) => ({ type, data, metadata: { occurredAt: helsinkiInstant(date, 10), actor: { userId: 'coach-17', role: 'coach' } } }) as PathCommand;

/** A stream as the store keeps it: each command's events recorded when it was made. */
function recorded(commands: readonly PathCommand[]): RecordedEvent[] {
  let state: PathState = initialPathState;
  const events: RecordedEvent[] = [];
  for (const command of commands) {
    const decision = decide(command, state);
    if (isDomainError(decision)) throw new Error(decision.code);
    for (const event of decision) {
      state = evolve(state, event);
      events.push({ globalPosition: '0', transactionId: '0', streamId: 'p', streamVersion: state.version, eventId: `e${state.version}`, type: event.type, schemaVersion: 1, data: event.data, metadata: { ...event.metadata }, recordedAt: command.metadata.occurredAt });
    }
  }
  return events;
}

const STREAM = recorded([
  on('2026-01-07', 'StartPath', { pathId: 'p', clientReference: 'cref_0123456789abcdef', employmentArea: 'EA', municipality: 'Hattula', referralSource: 'KELA', registeredOn: '2026-01-07', coachId: 'coach-17', consents: [] }),
  on('2026-01-09', 'HoldInitialInterview', { heldOn: '2026-01-09', serviceNeed: 'need' }),
  on('2026-02-10', 'ExitPath', { outcome: 'EDUCATION', exitedOn: '2026-02-10' }),
]);

describe('a path as recorded before an instant', () => {
  it('folds only the events recorded before it', () => {
    const { state, events } = PathStore.asRecordedBefore(STREAM, helsinkiInstant('2026-01-10', 0));
    expect([state.status, state.interviewHeldOn, events.at(-1)?.type]).toEqual(['ACTIVE', '2026-01-09', 'DeadlinesScheduled']);
    expect(PathStore.asRecordedBefore(STREAM, helsinkiInstant('2026-02-11', 0)).state.status).toBe('EXITED');
  });

  it('is not found before the path started', () => {
    expect(() => PathStore.asRecordedBefore(STREAM, helsinkiInstant('2026-01-07', 0))).toThrow(expect.objectContaining({ response: expect.objectContaining({ code: 'PATH.NOT_FOUND' }) }));
  });
});
