import { exitFigures, goalShareFigures } from './chart-figures';
import type { Stack } from './kpi-data';

describe('goalShareFigures', () => {
  it('gives each month a row and each municipality its share, a hidden one as such', () => {
    const table = goalShareFigures(
      { groups: ['2026-03', '2026-04'], series: [{ name: 'Hattula', values: [0.4, null] }, { name: 'Janakkala', values: [0.25, 0.5] }] },
      { month: 'Kuukausi', monthLabel: (month) => `kk ${month}`, share: (value) => `${value * 100} %`, none: '–' },
    );
    expect(table).toEqual({
      columns: ['Kuukausi', 'Hattula', 'Janakkala'],
      rows: [
        { key: '2026-03', cells: ['kk 2026-03', '40 %', '25 %'] },
        { key: '2026-04', cells: ['kk 2026-04', '–', '50 %'] },
      ],
    });
  });
});

describe('exitFigures', () => {
  const stacks: Stack[] = [
    { municipality: 'Hattula', month: '2026-03', segments: [{ outcome: 'EDUCATION', exits: 5 }], total: 5, suppressed: ['EMPLOYED_OPEN_MARKET'] },
    { municipality: 'Janakkala', month: '2026-03', segments: [{ outcome: 'EMPLOYED_OPEN_MARKET', exits: 10 }], total: 10, suppressed: [] },
  ];

  it('gives each bar a row and each outcome drawn or suppressed a column, in the domain’s order, "<5" never a number', () => {
    const table = exitFigures(stacks, ['EMPLOYED_OPEN_MARKET', 'ENTREPRENEUR', 'EDUCATION'], {
      municipality: 'Kunta',
      month: 'Kuukausi',
      monthLabel: (month) => month,
      outcome: (outcome) => outcome.toLowerCase(),
      suppressed: '<5',
    });
    expect(table).toEqual({
      columns: ['Kunta', 'Kuukausi', 'employed_open_market', 'education'],
      rows: [
        { key: '2026-03|Hattula', cells: ['Hattula', '2026-03', '<5', '5'] },
        { key: '2026-03|Janakkala', cells: ['Janakkala', '2026-03', '10', '0'] },
      ],
    });
  });
});
