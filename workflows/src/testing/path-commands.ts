import type { Actor, Consent, PathCommand } from '@polku/domain';

/** Builds staff commands for workflow tests; `at` is the command's instant (workflow time). */
export const COACH: Actor = { userId: 'coach-17', role: 'coach' };

type Data<T extends PathCommand['type']> = Extract<PathCommand, { type: T }>['data'];

export function command<T extends PathCommand['type']>(type: T, data: Data<T>, at: number): PathCommand {
  return { type, data, metadata: { occurredAt: new Date(at).toISOString(), actor: COACH, correlationId: `test-${type}` } } as PathCommand;
}

export function startPath(pathId: string, registeredOn: string, at: number, consents: Consent[] = []): PathCommand {
  return command(
    'StartPath',
    {
      pathId,
      clientReference: `cref_${pathId.replace(/[^a-z0-9]/g, '').padEnd(16, '0')}`,
      employmentArea: 'Hämeenlinnan seudun työllisyysalue',
      municipality: 'Hattula',
      referralSource: 'SELF_REGISTRATION',
      registeredOn,
      coachId: 'coach-17',
      consents,
    },
    at,
  );
}

export const ORGANISER = { name: 'Hattulan kunta', businessId: '0112038-9', kind: 'MUNICIPALITY', isCurrentEmployer: false } as const;
