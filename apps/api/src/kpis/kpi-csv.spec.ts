import { EXIT_OUTCOMES, type ExitOutcome } from '@polku/domain';
import type { KpiCounts } from './kpi-counts';
import { kpiCsv } from './kpi-csv';
import { kpiAsked } from './kpi-period';
import { kpiReport } from './kpi-report';

const counts = (municipality: string | null, overrides: Partial<KpiCounts> = {}): KpiCounts => ({
  municipality,
  clientsServed: 47, newClients: 13, activeAtEnd: 40, exits: 7,
  exitsByOutcome: { ...Object.fromEntries(EXIT_OUTCOMES.map((outcome) => [outcome, 0])), EDUCATION: 5, MOVED_AWAY: 2 } as Record<ExitOutcome, number>,
  goalAttainedClients: 5, interviewsDue: 0, interviewsOnTime: 0, discussionsDue: 0, discussionsOnTime: 0,
  plansRecorded: 0, daysToPlanMedian: null, daysToPlanMean: null, followUps3: 0, inWorkAt3: 0, followUps6: 0, inWorkAt6: 0, rehabDays: 0, rehabClients: 0,
  ...overrides,
});

const asked = kpiAsked({ from: '2024-01', to: '2024-05', asOf: '2024-06-14' }, '2026-12-01');
const report = kpiReport(asked, 'multisectoral', '2026-12-01T10:00:00.000Z', [counts('Hattula'), counts('=HYPERLINK("x")'), counts(null, { clientsServed: 94 })], [counts('Hattula', { clientsServed: 3 })]);
const [header = '', ...rows] = kpiCsv(report).trimEnd().split('\r\n');
const columns = header.split(',');
const cell = (row: string, column: string) => row.split(',')[columns.indexOf(column)];

describe('kpiCsv', () => {
  it('writes the area and every municipality of either period, each with the period, segment, as-of date and generation time', () => {
    expect(rows).toHaveLength(3);
    const context = ['2024-01-01', '2024-05-31', '2023-01-01', '2023-05-31', 'multisectoral', '2024-06-14', '2026-12-01T10:00:00.000Z'];
    // A name a spreadsheet would run as a formula is written as text, quoted (RFC 4180).
    expect(rows.map((row) => row.split(',').slice(0, 8))).toEqual([[...context, '(area)'], [...context, `"'=HYPERLINK(""x"")"`], [...context, 'Hattula']]);
  });

  it('writes published figures only: "<5" for a suppressed count, an empty cell for a figure not shown, the change of the published figures', () => {
    const hattula = rows[2] ?? '';
    expect([cell(hattula, 'clientsServed'), cell(hattula, 'clientsServed_previous_year'), cell(hattula, 'clientsServed_change')]).toEqual(['45', '<5', '']);
    expect([cell(hattula, 'interviewOnTimeShare'), cell(hattula, 'exits_EDUCATION'), cell(hattula, 'exits_MOVED_AWAY')]).toEqual(['', '5', '<5']);
    expect(cell(rows[0] ?? '', 'clientsServed')).toBe('90');
    expect([cell(hattula, 'rehab_months_from'), cell(hattula, 'rehab_months_to')]).toEqual(['2024-01', '2024-05']);
  });
});
