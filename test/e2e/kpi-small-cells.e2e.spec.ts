import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { KPI_SMALLEST_SHOWN } from '@polku/contracts';
import { eventually } from '@polku/testing';
import { Pool } from 'pg';
import { journey } from '../support/path-journey';
import { call, devToken, startPath } from '../support/staff-api';

const config = loadConfig();
// The KPI facts follow the event store through the relay: a generous bound, not an expectation.
const PROJECTION_LAG_MS = 60_000;
jest.setTimeout(PROJECTION_LAG_MS * 2 + 60_000);

type Report = { smallestShown: number; municipalities: { municipality: string; current: Record<string, unknown> & { exitsByOutcome: Record<string, number | null> } }[] };

/** The small-cell rule at its boundary, through the running API: 4 people suppressed, 5 shown. */
describe('KPI small cells end to end', () => {
  const run = randomUUID().slice(0, 8);
  const area = `E2E-pienet ${run}`;
  const municipality = `Pikkukunta ${run}`;
  let pool: Pool;
  let coach = '';
  let manager = '';

  beforeAll(async () => {
    pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
    coach = await devToken({ userId: `coach.${run}`, role: 'coach', employmentArea: area });
    manager = await devToken({ userId: `manager.${run}`, role: 'manager', employmentArea: area });
  });
  afterAll(() => pool?.end());

  const exitPath = async (pathId: string) => {
    for (const [route, body] of journey()) expect([route, (await call('POST', `/paths/${pathId}/${route}`, { token: coach, body })).status]).toEqual([route, 200]);
  };
  /** Waits until the KPI facts hold `exits` exited paths of the municipality, then reads the answer. */
  const reportAfter = async (exits: number): Promise<Report> => {
    await eventually(
      async () => ((await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM kpi_fact_versions WHERE municipality = $1 AND recorded_until IS NULL AND exited_on IS NOT NULL', [municipality])).rows[0]?.n === exits ? true : undefined),
      { timeoutMs: PROJECTION_LAG_MS, what: `the KPI facts to count ${exits} exits` },
    );
    const answer = await call<Report>('GET', `/kpis?municipality=${encodeURIComponent(municipality)}`, { token: manager });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('suppresses 4 exits and every figure that would give them away, and shows 5', async () => {
    const paths = [];
    for (let i = 0; i < 5; i++) paths.push(await startPath(coach, { municipality, coachId: `coach.${run}` }));
    for (const { pathId } of paths.slice(0, 4)) await exitPath(pathId);

    const four = await reportAfter(4);
    expect(four.smallestShown).toBe(KPI_SMALLEST_SHOWN);
    expect(four.municipalities.map((row) => row.current)).toEqual([expect.objectContaining({ clientsServed: 5, newClients: 5, activeAtEnd: null, exits: null, goalAttainedClients: null, goalAttainedShare: null })]);
    expect(four.municipalities[0]?.current.exitsByOutcome).toMatchObject({ EMPLOYED_OPEN_MARKET: null, EDUCATION: 0 });

    await exitPath(paths[4]?.pathId ?? '');
    const five = await reportAfter(5);
    expect(five.municipalities.map((row) => row.current)).toEqual([expect.objectContaining({ clientsServed: 5, activeAtEnd: 0, exits: 5, goalAttainedClients: 5, goalAttainedShare: 1 })]);
    expect(five.municipalities[0]?.current.exitsByOutcome).toMatchObject({ EMPLOYED_OPEN_MARKET: 5 });
  });
});
