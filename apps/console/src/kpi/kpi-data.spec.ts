import type { KpiExits, KpiMonth } from '@polku/contracts';
import { countLabel, exitStacks, goalShareBars, outcomesIn } from './kpi-data';

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
    { municipality: 'Hattula', month: '2026-01-01', outcome: 'MOVED_AWAY', exits: 5 },
    { municipality: 'Hattula', month: '2026-01-01', outcome: 'EMPLOYED_OPEN_MARKET', exits: 15 },
    { municipality: 'Akaa', month: '2026-01-01', outcome: 'EDUCATION', exits: 10 },
  ];

  it('stacks outcomes per municipality and month in the domain order', () => {
    expect(exitStacks(exits)).toEqual([
      { municipality: 'Akaa', month: '2026-01', segments: [{ outcome: 'EDUCATION', exits: 10 }], total: 10, suppressed: [] },
      {
        municipality: 'Hattula',
        month: '2026-01',
        segments: [
          { outcome: 'EMPLOYED_OPEN_MARKET', exits: 15 },
          { outcome: 'MOVED_AWAY', exits: 5 },
        ],
        total: 20,
        suppressed: [],
      },
    ]);
  });

  it('names in the legend only the outcomes that occur', () => {
    expect(outcomesIn(exitStacks(exits))).toEqual(['EMPLOYED_OPEN_MARKET', 'EDUCATION', 'MOVED_AWAY']);
  });

  it('draws no segment and no number for a suppressed outcome: it is marked, and the total is what was published', () => {
    const withSuppressed: KpiExits[] = [...exits, { municipality: 'Hattula', month: '2026-01-01', outcome: 'EDUCATION', exits: null }];
    const hattula = exitStacks(withSuppressed).find((stack) => stack.municipality === 'Hattula');
    expect(hattula).toMatchObject({ total: 20, suppressed: ['EDUCATION'] });
    expect(hattula?.segments.map((segment) => segment.outcome)).toEqual(['EMPLOYED_OPEN_MARKET', 'MOVED_AWAY']);
    expect(outcomesIn(exitStacks(withSuppressed))).toEqual(['EMPLOYED_OPEN_MARKET', 'EDUCATION', 'MOVED_AWAY']);
  });

  it('keeps a bar whose every outcome is suppressed, with nothing drawn but the mark', () => {
    expect(exitStacks([{ municipality: 'Hattula', month: '2026-02', outcome: 'NOT_REACHED', exits: null }])).toEqual([
      { municipality: 'Hattula', month: '2026-02', segments: [], total: 0, suppressed: ['NOT_REACHED'] },
    ]);
  });
});

describe('countLabel', () => {
  it('shows a suppressed count as the mark, any other as its number, 0 included', () => {
    expect([countLabel(null, '<5'), countLabel(0, '<5'), countLabel(5, '<5')]).toEqual(['<5', '0', '5']);
  });
});
