import { addDays, helsinkiDateOf } from '@polku/domain';

const today = (): string => helsinkiDateOf(new Date().toISOString());

/**
 * A client's way from intake to exit, as the commands (route and body) a coach sends: the same
 * journey the browser test clicks through.
 */
export function journey(): readonly (readonly [string, Record<string, unknown>, string])[] {
  const on = today();
  return [
    ['hold-initial-interview', { heldOn: on, serviceNeed: 'Looking for warehouse work', employmentPlan: { applicationsPerMonth: 4, goals: ['forklift licence'] } }, 'INTAKE'],
    ['start-assessment', { startedOn: on }, 'ASSESSMENT'],
    ['record-assessment', { recordedOn: on, strengths: ['reliable'], ownGoals: ['logistics'], recommendedNextService: 'WORK_TRIAL' }, 'ASSESSMENT'],
    [
      'start-work-trial',
      {
        trialId: 'trial-1',
        organiser: { name: 'Varasto Oy', businessId: '0112038-9', kind: 'COMPANY', isCurrentEmployer: false },
        tasks: 'Picking and packing',
        goal: 'Skills for warehouse work',
        startOn: on,
        plannedEndOn: addDays(on, 60),
        daysPerWeek: 5,
        hoursPerDay: 6,
        agreementReference: 'TK-2026-1',
        guide: 'Shift lead',
      },
      'WORK_TRIAL',
    ],
    ['end-work-trial', { endedOn: on, result: 'COMPLETED' }, 'WORK_TRIAL'],
    ['start-wage-subsidy', { subsidyId: 'subsidy-1', employerBusinessId: '0112038-9', employerKind: 'COMPANY', rate: 50, workingTimePercent: 100, startOn: on, endOn: addDays(on, 180) }, 'WAGE_SUBSIDY'],
    ['end-wage-subsidy', { endedOn: on }, 'WAGE_SUBSIDY'],
    ['exit', { outcome: 'EMPLOYED_OPEN_MARKET', exitedOn: on }, 'WAGE_SUBSIDY'],
  ];
}
