import type { KpiExits, KpiMonth } from '@polku/contracts';
import { exitStacks, goalShareBars, outcomesIn } from './kpi-data';

const month = (municipality: string, m: string, share: number | null): KpiMonth => ({
  municipality,
  month: m,
  clientsServed: 10,
  newClients: 2,
  activePaths: 8,
  exits: 1,
  goalAttainedExits: 1,
  goalAttainedShare: share,
  interviewOnTimeShare: null,
  avgDaysToPlan: null,
  inWorkShare3: null,
  inWorkShare6: null,
});

describe('goalShareBars', () => {
  it('groups by month with one series per municipality, gaps as null', () => {
    const rows = [month('Janakkala', '2026-02-01', 0.15), month('Hattula', '2026-01-01', 0.56), month('Hattula', '2026-02-01', null)];
    expect(goalShareBars(rows)).toEqual({
      groups: ['2026-01', '2026-02'],
      series: [
        { name: 'Hattula', values: [0.56, null] },
        { name: 'Janakkala', values: [null, 0.15] },
      ],
    });
  });

  it('reads numeric strings as numbers', () => {
    const rows = [{ ...month('Hattula', '2026-01', null), goalAttainedShare: '0.3200' as unknown as number }];
    expect(goalShareBars(rows).series[0]?.values).toEqual([0.32]);
  });
});

describe('exitStacks', () => {
  const exits: KpiExits[] = [
    { municipality: 'Hattula', month: '2026-01-01', outcome: 'MOVED_AWAY', exits: 1 },
    { municipality: 'Hattula', month: '2026-01-01', outcome: 'EMPLOYED_OPEN_MARKET', exits: 3 },
    { municipality: 'Akaa', month: '2026-01-01', outcome: 'EDUCATION', exits: 2 },
  ];

  it('stacks outcomes per municipality and month in the domain order', () => {
    expect(exitStacks(exits)).toEqual([
      { municipality: 'Akaa', month: '2026-01', segments: [{ outcome: 'EDUCATION', exits: 2 }], total: 2 },
      {
        municipality: 'Hattula',
        month: '2026-01',
        segments: [
          { outcome: 'EMPLOYED_OPEN_MARKET', exits: 3 },
          { outcome: 'MOVED_AWAY', exits: 1 },
        ],
        total: 4,
      },
    ]);
  });

  it('names in the legend only the outcomes that occur', () => {
    expect(outcomesIn(exitStacks(exits))).toEqual(['EMPLOYED_OPEN_MARKET', 'EDUCATION', 'MOVED_AWAY']);
  });
});
