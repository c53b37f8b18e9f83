import { comparedFigures, exitFigures } from './chart-figures';
import type { Stack } from './kpi-data';

describe('comparedFigures', () => {
  it('gives each municipality a row: the period, a year earlier and the change, a hidden one as such', () => {
    const table = comparedFigures(
      [{ name: 'Hattula', current: 45, previous: null, change: null }, { name: 'Janakkala', current: 70, previous: 60, change: 10 }],
      { columns: ['Kunta', '2026', '2025', 'Muutos'], value: (value) => (value === null ? '<5' : String(value)), change: (value) => (value === null ? '–' : `+${value}`) },
    );
    expect(table).toEqual({
      columns: ['Kunta', '2026', '2025', 'Muutos'],
      rows: [
        { key: 'Hattula', cells: ['Hattula', '45', '<5', '–'] },
        { key: 'Janakkala', cells: ['Janakkala', '70', '60', '+10'] },
      ],
    });
  });
});

describe('exitFigures', () => {
  const stacks: Stack[] = [
    { municipality: 'Hattula', segments: [{ outcome: 'EDUCATION', exits: 5 }], total: 5, suppressed: ['EMPLOYED_OPEN_MARKET'] },
    { municipality: 'Janakkala', segments: [{ outcome: 'EMPLOYED_OPEN_MARKET', exits: 10 }], total: 10, suppressed: [] },
  ];

  it('gives each bar a row and each outcome drawn or suppressed a column, in the domain’s order, "<5" never a number', () => {
    const table = exitFigures(stacks, ['EMPLOYED_OPEN_MARKET', 'ENTREPRENEUR', 'EDUCATION'], { municipality: 'Kunta', outcome: (outcome) => outcome.toLowerCase(), suppressed: '<5' });
    expect(table).toEqual({
      columns: ['Kunta', 'employed_open_market', 'education'],
      rows: [
        { key: 'Hattula', cells: ['Hattula', '<5', '5'] },
        { key: 'Janakkala', cells: ['Janakkala', '10', '0'] },
      ],
    });
  });
});
