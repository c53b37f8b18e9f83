import { decide, eventIdFor, evolve, helsinkiDateOf, initialPathState, isDomainError, type PathCommand, type PathEvent, type PathState } from '@polku/domain';
import type { NewEvent } from '@polku/event-store';

/**
 * The real events of a path that starts and holds its initial interview, decided by the domain
 * with the ids the workflow gives them: for tests and benchmarks that feed the store directly.
 */
export function pathStartEvents(pathId: string, index: number, options: { interview?: boolean; referral?: boolean } = {}): NewEvent[] {
  const occurredAt = new Date().toISOString();
  const on = helsinkiDateOf(occurredAt);
  const metadata = { occurredAt, actor: { userId: 'test', role: 'system' as const } };
  const commands: PathCommand[] = [
    {
      type: 'StartPath',
      data: { pathId, clientReference: `cref_test${index.toString(36).padStart(12, '0')}`, employmentArea: 'test', municipality: 'test', referralSource: 'OTHER', registeredOn: on, coachId: 'test-coach', consents: [] },
      metadata,
    },
  ];
  if (options.interview || options.referral) commands.push({ type: 'HoldInitialInterview', data: { heldOn: on, serviceNeed: 'test', employmentPlan: { applicationsPerMonth: 4, goals: [] } }, metadata });
  if (options.referral) {
    // A multisectoral-support referral is the legal basis that opens the wellbeing topic.
    commands.push({ type: 'StartAssessment', data: { startedOn: on }, metadata });
    commands.push({ type: 'ReferToWellbeingService', data: { referralId: `ref-${pathId}`, service: 'MULTISECTORAL_SCREENING', legalBasis: 'MULTISECTORAL_SUPPORT', referredOn: on }, metadata });
  }
  const events: PathEvent[] = [];
  let state: PathState = initialPathState;
  for (const command of commands) {
    const decision = decide(command, state);
    if (isDomainError(decision)) throw new Error(`${command.type} rejected: ${decision.code}`);
    events.push(...decision);
    state = decision.reduce(evolve, state);
  }
  return events.map((event, i) => ({ eventId: eventIdFor(pathId, i + 1), type: event.type, data: event.data, metadata: { ...event.metadata } }));
}
