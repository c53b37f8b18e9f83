import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { appendToStream, createPool, migrate } from '@polku/event-store';
import type { Pool } from 'pg';
import { catchUp } from './projection-runner';
import { PROJECTIONS } from './all-projections';
import { rebuild } from './rebuild';
import { appendPath, cmd, start, uniqueId } from './testing/path-stream';

const log = { info: () => undefined, warn: () => undefined };
const TABLES = ['path_summaries', 'deadlines', 'kpi_path_facts'];

describe('projections on the real PostgreSQL', () => {
  let pool: Pool;
  beforeAll(async () => {
    pool = createPool(loadConfig().databaseUrl, 4);
    await migrate(pool);
    await catchUp(pool, PROJECTIONS, { log });
  });
  afterAll(() => pool.end());

  /** Every row of every projection table for these paths, all columns, in key order. */
  async function snapshot(pathIds: readonly string[]): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES) {
      const { rows } = await pool.query(`SELECT * FROM ${table} WHERE path_id = ANY($1::text[]) ORDER BY path_id${table === 'deadlines' ? ', item_id' : ''}`, [pathIds]);
      out[table] = rows;
    }
    return out;
  }

  it('projects a path through interview, assessment, exit and follow-up into exact rows', async () => {
    const pathId = uniqueId('summary');
    await appendPath(pool, pathId, [
      start(pathId, '2026-01-07', 'Hattula'),
      cmd('HoldInitialInterview', '2026-01-12', { heldOn: '2026-01-12', serviceNeed: 'x', employmentPlan: { applicationsPerMonth: 4, goals: ['g'] } }),
      cmd('StartAssessment', '2026-01-13', { startedOn: '2026-01-13' }),
      cmd('ExitPath', '2026-02-10', { outcome: 'EDUCATION', exitedOn: '2026-02-10' }),
    ]);
    await catchUp(pool, PROJECTIONS, { log });
    const { path_summaries, kpi_path_facts, deadlines } = await snapshot([pathId]);
    expect(path_summaries).toEqual([expect.objectContaining({
      path_id: pathId, municipality: 'Hattula', coach_id: 'coach-17', status: 'EXITED', stage: 'ASSESSMENT',
      outcome: 'EDUCATION', goal_attained: true, version: expect.any(Number),
    })]);
    expect(kpi_path_facts).toEqual([expect.objectContaining({ path_id: pathId, interview_due_on: expect.any(Date), outcome: 'EDUCATION', goal_attained: true })]);
    const interview = deadlines?.filter((row) => (row as { rule: string }).rule === 'INIT-INTERVIEW').map((row) => (row as { status: string }).status);
    expect(interview?.length).toBeGreaterThan(0);
    expect(new Set(interview)).toEqual(new Set(['CANCELLED']));
    expect(deadlines?.some((row) => (row as { rule: string; status: string }).rule === 'FOLLOW-UP' && (row as { status: string }).status === 'PENDING')).toBe(true);
  });

  it('keeps each path\'s wellbeing sharing window as the domain has it: a consent\'s term, then none once withdrawn, open-ended with multisectoral support', async () => {
    const [consented, withdrawn, multisectoral] = [uniqueId('consent'), uniqueId('withdrawn'), uniqueId('multisectoral')];
    const consent = { audience: 'WELLBEING_COUNTY', scope: 'work-ability referral', givenOn: '2026-01-07', expiresOn: '2026-06-30' } as const;
    await appendPath(pool, consented, [start(consented, '2026-01-07', 'Hattula'), cmd('RecordConsent', '2026-01-08', { consent })]);
    await appendPath(pool, withdrawn, [start(withdrawn, '2026-01-07', 'Hattula'), cmd('RecordConsent', '2026-01-08', { consent }), cmd('WithdrawConsent', '2026-01-09', { audience: 'WELLBEING_COUNTY' })]);
    await appendPath(pool, multisectoral, [
      start(multisectoral, '2026-01-07', 'Hattula'),
      cmd('HoldInitialInterview', '2026-01-12', { heldOn: '2026-01-12', serviceNeed: 'x' }),
      cmd('StartAssessment', '2026-01-13', { startedOn: '2026-01-13' }),
      cmd('ReferToWellbeingService', '2026-01-14', { referralId: 'r-1', service: 'MULTISECTORAL_SCREENING', legalBasis: 'MULTISECTORAL_SUPPORT', referredOn: '2026-01-14' }),
    ]);
    await catchUp(pool, PROJECTIONS, { log });
    const { rows } = await pool.query(
      `SELECT path_id, to_char(wellbeing_shared_from, 'YYYY-MM-DD') AS "from", to_char(wellbeing_shared_until, 'YYYY-MM-DD') AS until FROM path_summaries WHERE path_id = ANY($1::text[]) ORDER BY path_id`,
      [[consented, withdrawn, multisectoral]],
    );
    expect(Object.fromEntries(rows.map((row) => [row.path_id, [row.from, row.until]]))).toEqual({
      [consented]: ['2026-01-07', '2026-06-30'],
      [withdrawn]: [null, null],
      [multisectoral]: ['2026-01-07', null],
    });
  });

  it('duplicate delivery: re-applying the same events leaves every table unchanged', async () => {
    const pathId = uniqueId('dup');
    await appendPath(pool, pathId, [start(pathId, '2026-03-02', 'Janakkala'), cmd('PausePath', '2026-03-03', { reason: 'SICK_LEAVE' }), cmd('ResumePath', '2026-03-10', {})]);
    await catchUp(pool, PROJECTIONS, { log });
    const before = await snapshot([pathId]);
    // Move every checkpoint back to before this path's first event: its events arrive again.
    const { rows } = await pool.query<{ tx: string; pos: string }>(`SELECT transaction_id::text AS tx, global_position::text AS pos FROM events WHERE stream_id = $1 AND stream_version = 1`, [pathId]);
    await pool.query(`UPDATE projection_checkpoints SET transaction_id = $1::text::xid8, position = $2::bigint - 1 WHERE name = ANY($3::text[])`, [rows[0]?.tx, rows[0]?.pos, PROJECTIONS.map((p) => p.name)]);
    expect(await catchUp(pool, PROJECTIONS, { log })).toBeGreaterThanOrEqual(3 * 3);
    expect(await snapshot([pathId])).toEqual(before);
    expect((before['path_summaries']?.[0] as { status: string }).status).toBe('ACTIVE');
  });

  it('parks junk data of a known type instead of throwing, and goes on', async () => {
    const junk = uniqueId('junk');
    const good = uniqueId('good');
    const eventId = randomUUID();
    await appendToStream(pool, junk, 0, [{ eventId, type: 'PathStarted', data: {} }]);
    await appendPath(pool, good, [start(good, '2026-04-01', 'Hattula')]);
    await catchUp(pool, PROJECTIONS, { log });
    const parked = await pool.query('SELECT name, event_type FROM projection_parked WHERE event_id = $1 ORDER BY name', [eventId]);
    expect(parked.rows).toEqual([{ name: 'kpi-path-facts', event_type: 'PathStarted' }, { name: 'path-summaries', event_type: 'PathStarted' }]);
    expect((await snapshot([good]))['path_summaries']).toHaveLength(1);
  });

  it('rebuild produces identical rows', async () => {
    const ids = [uniqueId('rb1'), uniqueId('rb2')];
    await appendPath(pool, ids[0] as string, [start(ids[0] as string, '2026-01-07', 'Hattula'), cmd('ReassignCoach', '2026-01-08', { coachId: 'coach-42' })]);
    await appendPath(pool, ids[1] as string, [start(ids[1] as string, '2026-01-07', 'Hattula'), cmd('HoldInitialInterview', '2026-01-09', { heldOn: '2026-01-09', serviceNeed: 'x' })]);
    await catchUp(pool, PROJECTIONS, { log });
    const before = await snapshot(ids);
    const counts = await rebuild(pool, PROJECTIONS, { log });
    expect(Object.keys(counts)).toEqual(TABLES);
    expect(await snapshot(ids)).toEqual(before);
    expect(before['deadlines']?.length).toBeGreaterThan(0);
  });

  it('KPI view: 3 paths in one municipality, 2 exits, 1 goal-attained, on-time interviews', async () => {
    const municipality = `Testila-${randomUUID().slice(0, 8)}`;
    const [a, b, c] = [uniqueId('kpi-a'), uniqueId('kpi-b'), uniqueId('kpi-c')] as [string, string, string];
    const interview = (on: string) => cmd('HoldInitialInterview', on, { heldOn: on, serviceNeed: 'x', employmentPlan: { applicationsPerMonth: 4, goals: ['g'] } });
    await appendPath(pool, a, [start(a, '2026-01-07', municipality), interview('2026-01-09'), cmd('ExitPath', '2026-01-20', { outcome: 'EMPLOYED_OPEN_MARKET', exitedOn: '2026-01-20' })]);
    await appendPath(pool, b, [start(b, '2026-01-07', municipality), interview('2026-01-12'), cmd('ExitPath', '2026-01-28', { outcome: 'MOVED_AWAY', exitedOn: '2026-01-28' })]);
    await appendPath(pool, c, [start(c, '2026-01-14', municipality)]);
    await catchUp(pool, PROJECTIONS, { log });
    const { rows: due } = await pool.query<{ path_id: string; due: string }>(`SELECT path_id, interview_due_on::text AS due FROM kpi_path_facts WHERE path_id = ANY($1) ORDER BY path_id`, [[a, b, c]]);
    const onTime = due.filter((row) => (row.path_id === a && '2026-01-09' <= row.due) || (row.path_id === b && '2026-01-12' <= row.due)).length;
    const { rows } = await pool.query(
      `SELECT clients_served, new_clients, active_paths, exits, goal_attained_exits, goal_attained_share::text, interviews_on_time, avg_days_to_plan::text
         FROM kpi_monthly WHERE municipality = $1 AND month = '2026-01-01'`, [municipality]);
    expect(rows).toEqual([{ clients_served: '3', new_clients: '3', active_paths: '1', exits: '2', goal_attained_exits: '1', goal_attained_share: '0.3333', interviews_on_time: String(onTime), avg_days_to_plan: '3.5' }]);
    const exits = await pool.query(`SELECT outcome, exits FROM kpi_exits_by_outcome WHERE municipality = $1 ORDER BY outcome`, [municipality]);
    expect(exits.rows).toEqual([{ outcome: 'EMPLOYED_OPEN_MARKET', exits: '1' }, { outcome: 'MOVED_AWAY', exits: '1' }]);
  });

  it('KPI view: job-search discussions held on time vs. missed, in the month they were due', async () => {
    const municipality = `Testila-${randomUUID().slice(0, 8)}`;
    const [held, missed] = [uniqueId('jsd-held'), uniqueId('jsd-missed')] as [string, string];
    const interview = cmd('HoldInitialInterview', '2026-01-09', { heldOn: '2026-01-09', serviceNeed: 'x', employmentPlan: { applicationsPerMonth: 4, goals: [] } });
    // Due 9.4.2026 (+3 months from the interview): one held in March, one left to fire.
    await appendPath(pool, held, [start(held, '2026-01-07', municipality), interview, cmd('HoldJobSearchDiscussion', '2026-03-20', { heldOn: '2026-03-20' })]);
    await appendPath(pool, missed, [
      start(missed, '2026-01-07', municipality),
      interview,
      { ...cmd('FireScheduledItem', '2026-04-10', { itemId: 'JOB-SEARCH-DISCUSSION:jsd-1:DEADLINE', rule: 'JOB-SEARCH-DISCUSSION' }), metadata: { occurredAt: '2026-04-09T21:00:00.000Z', actor: { userId: 'polku-engine', role: 'system' } } },
    ]);
    await catchUp(pool, PROJECTIONS, { log });
    const { rows } = await pool.query(
      `SELECT month::text, discussions_due, held_on_time, on_time_share::text FROM kpi_job_search_discussions WHERE municipality = $1`,
      [municipality],
    );
    expect(rows).toEqual([{ month: '2026-04-01', discussions_due: '2', held_on_time: '1', on_time_share: '0.5000' }]);
  });
});
