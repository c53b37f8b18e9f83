import fc from 'fast-check';
import { EXIT_OUTCOMES, type ExitOutcome } from '@polku/domain';
import type { KpiCounts } from './kpi-counts';
import { changeOf, publishCount, publishFigures, publishShare } from './kpi-disclosure';

const outcomes = (counts: Partial<Record<ExitOutcome, number>> = {}) =>
  ({ ...Object.fromEntries(EXIT_OUTCOMES.map((outcome) => [outcome, 0])), ...counts }) as Record<ExitOutcome, number>;

const counts = (overrides: Partial<KpiCounts> = {}): KpiCounts => ({
  municipality: 'Hattula',
  clientsServed: 47,
  newClients: 13,
  activeAtEnd: 40,
  exits: 7,
  exitsByOutcome: outcomes({ EDUCATION: 5, MOVED_AWAY: 2 }),
  goalAttainedClients: 5,
  interviewsDue: 12,
  interviewsOnTime: 10,
  discussionsDue: 0,
  discussionsOnTime: 0,
  plansRecorded: 6,
  daysToPlanMedian: 3.5,
  daysToPlanMean: 4.25,
  followUps3: 5,
  inWorkAt3: 5,
  followUps6: 0,
  inWorkAt6: 0,
  rehabDays: 120,
  rehabClients: 6,
  ...overrides,
});

/** The true values a published count may stand for. */
const standsFor = (published: number): number[] => (published === 0 ? [0] : [0, 1, 2, 3, 4].map((extra) => published + extra));

describe('KPI small-cell rule', () => {
  it.each([
    [0, 0],
    [1, null],
    [4, null],
    [5, 5],
    [9, 5],
    [10, 10],
    [543, 540],
  ])('publishes a count of %i as %p', (count, shown) => {
    expect(publishCount(count)).toBe(shown);
  });

  it('suppresses every count of people at 4 and shows it at 5, outcome by outcome', () => {
    const four = { clientsServed: 4, newClients: 4, activeAtEnd: 4, exits: 4, goalAttainedClients: 4, exitsByOutcome: outcomes({ EDUCATION: 4 }) };
    expect(publishFigures(counts(four))).toMatchObject({ clientsServed: null, newClients: null, activeAtEnd: null, exits: null, goalAttainedClients: null, goalAttainedShare: null });
    expect(publishFigures(counts(four)).exitsByOutcome).toMatchObject({ EDUCATION: null, MOVED_AWAY: 0 });
    const five = { clientsServed: 5, newClients: 5, activeAtEnd: 5, exits: 5, goalAttainedClients: 5, exitsByOutcome: outcomes({ EDUCATION: 5 }) };
    expect(publishFigures(counts(five))).toMatchObject({ clientsServed: 5, newClients: 5, activeAtEnd: 5, exits: 5, goalAttainedClients: 5, goalAttainedShare: 1 });
    expect(publishFigures(counts(five)).exitsByOutcome).toMatchObject({ EDUCATION: 5 });
  });

  it('computes shares from the published counts only, and hides one whose part or whole is suppressed', () => {
    // 7 of 47 attained: published 5 of 45, so the share is 5/45, not the exact 7/47.
    expect(publishFigures(counts({ goalAttainedClients: 7 })).goalAttainedShare).toBe(publishShare(5, 45));
    expect(publishFigures(counts({ goalAttainedClients: 3 })).goalAttainedShare).toBeNull();
    expect(publishFigures(counts({ interviewsDue: 12, interviewsOnTime: 8 })).interviewOnTimeShare).toBe(0.5);
    // 2 of 6 late: the on-time count 4 is suppressed, so is its share.
    expect(publishFigures(counts({ interviewsDue: 6, interviewsOnTime: 4 })).interviewOnTimeShare).toBeNull();
    expect(publishFigures(counts()).inWorkShare6).toBeNull();
  });

  it('gives no on-time share when nothing was due: null (the console shows "–"), never 0 %', () => {
    expect(publishFigures(counts({ interviewsDue: 0, interviewsOnTime: 0, discussionsDue: 0, discussionsOnTime: 0 }))).toMatchObject({ interviewOnTimeShare: null, discussionOnTimeShare: null });
    expect(publishFigures(counts({ discussionsDue: 10, discussionsOnTime: 0 })).discussionOnTimeShare).toBe(0);
  });

  it('shows the days to plan over 5 plans and hides them over 4', () => {
    expect(publishFigures(counts({ plansRecorded: 5 }))).toMatchObject({ daysToPlanMedian: 3.5, daysToPlanMean: 4.3 });
    expect(publishFigures(counts({ plansRecorded: 4 }))).toMatchObject({ daysToPlanMedian: null, daysToPlanMean: null });
  });

  it('shows rehabilitative work activity days over 5 clients and hides them over 4', () => {
    expect(publishFigures(counts({ rehabDays: 123, rehabClients: 5 })).rehabDays).toBe(123);
    expect(publishFigures(counts({ rehabDays: 80, rehabClients: 4 })).rehabDays).toBeNull();
    expect(publishFigures(counts({ rehabDays: 0, rehabClients: 0 })).rehabDays).toBe(0);
  });

  it('changes are differences of published figures, null where either is hidden', () => {
    const now = publishFigures(counts({ clientsServed: 543, rehabDays: 8746, rehabClients: 60 }));
    const then = publishFigures(counts({ clientsServed: 4, rehabDays: 7773, rehabClients: 55 }));
    expect(changeOf(now, then)).toMatchObject({ clientsServed: null, rehabDays: 973, newClients: 0, interviewOnTimeShare: 0 });
    expect(changeOf(publishFigures(counts({ goalAttainedClients: 15, clientsServed: 50 })), publishFigures(counts({ goalAttainedClients: 10, clientsServed: 50 }))).goalAttainedShare).toBe(0.1);
  });

  it('never lets a total minus a part reveal a suppressed cell: every value 1–4 stays possible', () => {
    // served = active + exits (and served = active last month + new): a suppressed part e.
    fc.assert(
      fc.property(fc.nat({ max: 2_000 }), fc.integer({ min: 1, max: 4 }), (other, hidden) => {
        const total = publishCount(other + hidden);
        const part = publishCount(other);
        if (total === null || part === null) return;
        const possible = [1, 2, 3, 4].filter((candidate) => standsFor(part).some((value) => publishCount(value + candidate) === total));
        expect(possible).toEqual([1, 2, 3, 4]);
      }),
      { numRuns: 2_000 },
    );
  });
});
