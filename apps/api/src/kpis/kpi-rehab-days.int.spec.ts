import { loadConfig } from '@polku/config';
import type { Pool } from 'pg';
import { isolatedSchema } from '../admin/testing/isolated-schema';
import { kpiAsked } from './kpi-period';
import { KpiPeriodQuery } from './kpi-period.query';
import { kpiReport } from './kpi-report';
import { feedPaths } from './testing/kpi-facts-feeder';
import { MUNICIPALITIES, rehabPaths } from './testing/rehab-quarters';

const config = loadConfig();
const TODAY = '2026-12-01';
jest.setTimeout(300_000);

/** Rehabilitative work activity days, quarter against the same quarter a year earlier, as the seed reports them. */
describe('rehabilitative work activity days per period', () => {
  const paths = rehabPaths();
  let pool: Pool;
  let drop: () => Promise<void>;
  let query: KpiPeriodQuery;

  beforeAll(async () => {
    ({ pool, drop } = await isolatedSchema(config.databaseUrl, 'kpi_rehab'));
    query = new KpiPeriodQuery(pool);
    await feedPaths(pool, paths);
  });
  afterAll(async () => drop?.());

  const report = async (from: string, to: string, asOf?: string) => {
    const asked = kpiAsked({ from, to, ...(asOf ? { asOf } : {}) }, TODAY);
    const base = { employmentArea: 'EA-REHAB', segment: 'all' as const, recordedBefore: asked.recordedBefore, judgedOn: asked.judgedOn };
    const [current, previous] = await Promise.all([query.counts({ ...base, period: asked.period }), query.counts({ ...base, period: asked.previousYear })]);
    return { current, previous, published: kpiReport(asked, 'all', '2026-12-01T10:00:00.000Z', current, previous) };
  };
  const sumOf = (year: number, municipality?: string, months = ['01', '02', '03']) =>
    paths.filter((path) => path.pathId.startsWith(`rehab-${year}`) && (!municipality || path.municipality === municipality)).reduce((sum, path) => sum + months.reduce((days, month) => days + (path.days[`${year}-${month}`] ?? 0), 0), 0);

  it('sums Q1 2026 to 8,746 days against 7,773 in Q1 2025, and publishes the change', async () => {
    const { current, previous, published } = await report('2026-01', '2026-03');
    expect([current.find((row) => row.municipality === null)?.rehabDays, previous.find((row) => row.municipality === null)?.rehabDays]).toEqual([8_746, 7_773]);
    expect(published.area).toMatchObject({ current: { rehabDays: 8_746 }, previousYear: { rehabDays: 7_773 }, change: { rehabDays: 973 } });
    expect(published.rehabMonths).toEqual({ from: '2026-01', to: '2026-03' });
  });

  it('sums per municipality of the path, the clients behind each sum counted', async () => {
    const { current } = await report('2026-01', '2026-03');
    const rows = current.filter((row) => row.municipality !== null).sort((a, b) => (a.municipality ?? '').localeCompare(b.municipality ?? ''));
    expect(rows.map((row) => [row.municipality, row.rehabDays, row.rehabClients])).toEqual(
      [...MUNICIPALITIES].sort((a, b) => a.localeCompare(b)).map((municipality) => [municipality, sumOf(2026, municipality), paths.filter((path) => path.pathId.startsWith('rehab-2026') && path.municipality === municipality).length]),
    );
  });

  it('counts only the months wholly in the period', async () => {
    const { current } = await report('2026-01-15', '2026-03-31');
    expect(current.find((row) => row.municipality === null)?.rehabDays).toBe(sumOf(2026, undefined, ['02', '03']));
  });

  it('as of 15 March: January as corrected on 2 March and February, not yet March', async () => {
    const { current } = await report('2026-01', '2026-03', '2026-03-15');
    expect(current.find((row) => row.municipality === null)?.rehabDays).toBe(sumOf(2026, undefined, ['01', '02']));
    const { current: early } = await report('2026-01', '2026-03', '2026-02-15');
    // Only January's first record, a day short for each client.
    expect(early.find((row) => row.municipality === null)?.rehabDays).toBe(sumOf(2026, undefined, ['01']) - 200);
  });
});
