import type { KpiChange, KpiComparison, KpiFigures } from '@polku/contracts';
import { EXIT_OUTCOMES } from '@polku/domain';
import { formats } from './kpi-format';
import { comparedBars, countLabel, exitStacks, outcomesIn, signed } from './kpi-data';

const figures = (municipality: string, overrides: Partial<KpiFigures> = {}): KpiFigures => ({
  municipality,
  clientsServed: 10,
  newClients: 5,
  activeAtEnd: 5,
  exits: 5,
  exitsByOutcome: Object.fromEntries(EXIT_OUTCOMES.map((outcome) => [outcome, 0])) as KpiFigures['exitsByOutcome'],
  goalAttainedClients: 5,
  goalAttainedShare: 0.5,
  interviewOnTimeShare: null,
  discussionOnTimeShare: null,
  daysToPlanMedian: null,
  daysToPlanMean: null,
  inWorkShare3: null,
  inWorkShare6: null,
  rehabDays: 0,
  ...overrides,
});
const change = (overrides: Partial<KpiChange> = {}): KpiChange => {
  const { municipality: _m, exitsByOutcome: _e, ...zero } = figures('x');
  return { ...zero, ...overrides };
};
const row = (municipality: string, current: Partial<KpiFigures>, previous: Partial<KpiFigures> = {}, changes: Partial<KpiChange> = {}): KpiComparison => ({
  municipality,
  current: figures(municipality, current),
  previousYear: figures(municipality, previous),
  change: change(changes),
});

describe('comparedBars', () => {
  it('pairs each municipality’s figure in the period with a year earlier and the change, numeric strings read as numbers', () => {
    const rows = [row('Hattula', { goalAttainedShare: 0.56 }, { goalAttainedShare: null }, { goalAttainedShare: null }), row('Janakkala', { goalAttainedShare: '0.15' as unknown as number }, { goalAttainedShare: 0.1 }, { goalAttainedShare: 0.05 })];
    expect(comparedBars(rows, 'goalAttainedShare')).toEqual([
      { name: 'Hattula', current: 0.56, previous: null, change: null },
      { name: 'Janakkala', current: 0.15, previous: 0.1, change: 0.05 },
    ]);
  });
});

describe('exitStacks', () => {
  it('stacks each municipality’s outcomes in the domain’s order; a suppressed one is marked, not drawn, and the total is what was published', () => {
    const hattula = row('Hattula', { exitsByOutcome: { ...figures('x').exitsByOutcome, MOVED_AWAY: 5, EMPLOYED_OPEN_MARKET: 15, EDUCATION: null } });
    expect(exitStacks([hattula])).toEqual([
      { municipality: 'Hattula', segments: [{ outcome: 'EMPLOYED_OPEN_MARKET', exits: 15 }, { outcome: 'MOVED_AWAY', exits: 5 }], total: 20, suppressed: ['EDUCATION'] },
    ]);
    expect(outcomesIn(exitStacks([hattula]))).toEqual(['EMPLOYED_OPEN_MARKET', 'MOVED_AWAY']);
  });
});

describe('labels', () => {
  it('shows a suppressed count as the mark, any other as its number, 0 included', () => {
    expect([countLabel(null, '<5'), countLabel(0, '<5'), countLabel(5, '<5')]).toEqual(['<5', '0', '5']);
  });

  it('signs a change with a real minus, and a share’s change in percentage points', () => {
    expect([signed(15, String), signed(-5, String), signed(0, String), signed(null, String)]).toEqual(['+15', '−5', '±0', null]);
    const en = formats('en', '<5', 'pp');
    expect([en.change('share', 0.032), en.change('people', -10), en.change('share', null), en.value('share', null), en.value('people', null), en.value('days', 3.25)]).toEqual(['+3.2 pp', '−10', '–', '–', '<5', '3.3']);
    expect(formats('fi', '<5', '%-yks.').value('days', 3.25)).toBe('3,3');
  });
});
