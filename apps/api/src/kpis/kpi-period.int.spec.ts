import { loadConfig } from '@polku/config';
import type { KpiSegment } from '@polku/contracts';
import type { Pool } from 'pg';
import { isolatedSchema } from '../admin/testing/isolated-schema';
import type { KpiCounts } from './kpi-counts';
import { publishFigures, publishShare } from './kpi-disclosure';
import { KpiPeriodQuery } from './kpi-period.query';
import { feedPaths } from './testing/kpi-facts-feeder';
import { expectedCounts } from './testing/kpi-oracle';
import { commandsOf, PERIOD, seedShapedPaths } from './testing/seed-shaped-clients';

const config = loadConfig();
const AREA = 'Hämeenlinnan seudun työllisyysalue';
const TODAY = '2026-12-01';
jest.setTimeout(300_000);

// Means are averages of whole days: compared to the microday.
const comparable = (rows: readonly KpiCounts[]) => rows.map((row) => ({ ...row, daysToPlanMean: row.daysToPlanMean === null ? null : Math.round(row.daysToPlanMean * 1e6) / 1e6 }));
// Municipalities in Finnish alphabetical order (ä after z), the area (null) last.
const byName = (rows: readonly KpiCounts[]) => [...rows].sort((a, b) => (a.municipality === null ? 1 : b.municipality === null ? -1 : a.municipality.localeCompare(b.municipality, 'fi')));

/**
 * The data set shaped like the seed's January–May figures, fed through the KPI projections as
 * recorded over 2025–2026, counted by the API's query: each figure to the exact fraction.
 */
describe('KPIs of any period, on the facts of a seed-shaped data set', () => {
  const paths = seedShapedPaths();
  let pool: Pool;
  let drop: () => Promise<void>;
  let query: KpiPeriodQuery;
  const counts = (segment: KpiSegment, recordedBefore: string | null = null, judgedOn = TODAY) =>
    query.counts({ employmentArea: AREA, period: PERIOD, segment, recordedBefore, judgedOn });

  beforeAll(async () => {
    ({ pool, drop } = await isolatedSchema(config.databaseUrl, 'kpi_seed'));
    query = new KpiPeriodQuery(pool);
    await feedPaths(pool, paths.map((path) => ({ pathId: path.pathId, commands: commandsOf(path, AREA) })));
  });
  afterAll(async () => drop?.());

  it('counts the multisectoral clients of January–May as the programme reports them: served, new, goal attained', async () => {
    expect(byName(await counts('multisectoral')).map((row) => [row.municipality, row.clientsServed, row.newClients, row.goalAttainedClients])).toEqual([
      ['Hattula', 47, 13, 26],
      ['Hämeenlinna', 543, 97, 174],
      ['Janakkala', 70, 31, 11],
      // The mover counts once in Hattula, once in Janakkala and once in the area: 543 + 47 + 70 − 1.
      [null, 659, 141, 211],
    ]);
  });

  it('gives each goal-attained share as goal-attained clients ÷ clients served (DOMAIN.md), published from rounded counts', async () => {
    const rows = byName(await counts('multisectoral'));
    // 174/543 = 32.0 %, 26/47 = 55.3 % (the seed's 56 % cannot come from 47 clients), 11/70 = 15.7 %.
    expect(rows.map((row) => [row.goalAttainedClients, row.clientsServed])).toEqual([[26, 47], [174, 543], [11, 70], [211, 659]]);
    expect(rows.map((row) => publishFigures(row)).map((row) => [row.clientsServed, row.newClients, row.goalAttainedClients, row.goalAttainedShare])).toEqual([
      [45, 10, 25, publishShare(25, 45)],
      [540, 95, 170, publishShare(170, 540)],
      [70, 30, 10, publishShare(10, 70)],
      [655, 140, 210, publishShare(210, 655)],
    ]);
  });

  it('counts every other figure of the period to the exact number, as the definitions say', async () => {
    const area = (await counts('multisectoral')).find((row) => row.municipality === null);
    // Exits 214 + 29 + 15; not open on 31.5.: 213 + 28 + 15 clients (the returner and the mover have an open path).
    // 141 interviews of the new registrations fell due in the period; the new clients of index 10, 20, … were interviewed 20 days late (10 + 1 + 3).
    expect(area).toMatchObject({ activeAtEnd: 403, exits: 258, interviewsDue: 141, interviewsOnTime: 127, plansRecorded: 141, daysToPlanMedian: 1, discussionsDue: 0 });
    expect(area?.daysToPlanMean).toBeCloseTo((127 * 1 + 14 * 20) / 141, 9);
    expect(area?.exitsByOutcome).toMatchObject({ MOVED_AWAY: 23, NOT_REACHED: 24 });
  });

  it.each<KpiSegment>(['all', 'multisectoral', 'under30', 'referral:KELA', 'referral:SELF_REGISTRATION'])('answers the %s segment figure by figure as the definitions do', async (segment) => {
    expect(comparable(byName(await counts(segment)))).toEqual(comparable(byName(expectedCounts(paths, segment, PERIOD, TODAY))));
  });

  it('recomputes the answer as of a past date from the events recorded up to it, and the later events change nothing of it', async () => {
    // Reported on 15 March (end of the day in Helsinki = 22:00 UTC in winter).
    const asOfMarch = await counts('multisectoral', '2026-03-15T22:00:00.000Z', '2026-03-15');
    expect(comparable(byName(asOfMarch))).toEqual(comparable(byName(expectedCounts(paths, 'multisectoral', PERIOD, '2026-03-15'))));
    expect(asOfMarch.find((row) => row.municipality === null)?.clientsServed).toBeLessThan(659);
    const now = await counts('multisectoral');
    expect(now.find((row) => row.municipality === null)?.clientsServed).toBe(659);
  });
});
