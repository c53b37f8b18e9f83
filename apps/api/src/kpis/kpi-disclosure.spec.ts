import fc from 'fast-check';
import { publishCount, publishExits, publishMonth, publishShare, type KpiMonthCounts } from './kpi-disclosure';

const counts = (overrides: Partial<KpiMonthCounts> = {}): KpiMonthCounts => ({
  municipality: 'Hattula',
  month: '2026-03',
  clientsServed: 47,
  newClients: 13,
  activePaths: 40,
  exits: 7,
  goalAttainedExits: 5,
  interviewsDue: 12,
  interviewsOnTime: 10,
  plansRecorded: 6,
  avgDaysToPlan: 3.5,
  followUps3: 5,
  inWorkAt3: 5,
  followUps6: 0,
  inWorkAt6: 0,
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

  it('suppresses every cell of a month at 4 and shows it at 5', () => {
    const four = { clientsServed: 4, newClients: 4, activePaths: 4, exits: 4, goalAttainedExits: 4 };
    expect(publishMonth(counts(four))).toMatchObject({ clientsServed: null, newClients: null, activePaths: null, exits: null, goalAttainedExits: null, goalAttainedShare: null });
    const five = { clientsServed: 5, newClients: 5, activePaths: 5, exits: 5, goalAttainedExits: 5 };
    expect(publishMonth(counts(five))).toMatchObject({ clientsServed: 5, newClients: 5, activePaths: 5, exits: 5, goalAttainedExits: 5, goalAttainedShare: 1 });
    expect(publishExits({ municipality: 'Hattula', month: '2026-03', outcome: 'EDUCATION', exits: 4 }).exits).toBeNull();
    expect(publishExits({ municipality: 'Hattula', month: '2026-03', outcome: 'EDUCATION', exits: 5 }).exits).toBe(5);
  });

  it('computes shares from the published counts only, and hides one whose part or whole is suppressed', () => {
    // 7 of 47 attained: published 5 of 45, so the share is 5/45, not the exact 7/47.
    expect(publishMonth(counts({ goalAttainedExits: 7 })).goalAttainedShare).toBe(publishShare(5, 45));
    expect(publishMonth(counts({ goalAttainedExits: 3 })).goalAttainedShare).toBeNull();
    expect(publishMonth(counts({ interviewsDue: 12, interviewsOnTime: 8 })).interviewOnTimeShare).toBe(0.5);
    // 2 of 6 late: the on-time count 4 is suppressed, so is its share.
    expect(publishMonth(counts({ interviewsDue: 6, interviewsOnTime: 4 })).interviewOnTimeShare).toBeNull();
    expect(publishMonth(counts()).inWorkShare6).toBeNull();
  });

  it('shows an average over 5 people and hides one over 4', () => {
    expect(publishMonth(counts({ plansRecorded: 5 })).avgDaysToPlan).toBe(3.5);
    expect(publishMonth(counts({ plansRecorded: 4 })).avgDaysToPlan).toBeNull();
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
