import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import { appendToStream, createPool, migrate } from '@polku/event-store';
import type { Pool } from 'pg';
import { catchUp } from './projection-runner';
import { PROJECTIONS } from './all-projections';
import { rebuild } from './rebuild';
import { appendPath, cmd, start, uniqueId } from './testing/path-stream';

const log = { info: () => undefined, warn: () => undefined };
const TABLES = ['path_summaries', 'deadlines', 'kpi_fact_versions', 'kpi_rehab_day_versions'];
const ORDER: Record<string, string> = { deadlines: ', item_id', kpi_fact_versions: ', recorded_from', kpi_rehab_day_versions: ', service_id, month, recorded_from' };

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
      const { rows } = await pool.query(`SELECT * FROM ${table} WHERE path_id = ANY($1::text[]) ORDER BY path_id${ORDER[table] ?? ''}`, [pathIds]);
      out[table] = rows;
    }
    return out;
  }

  /** kpi_current_facts (0024, kept by trigger) and the current versions it must mirror, for these paths. */
  async function currentFacts(pathIds: readonly string[]): Promise<{ mirror: unknown[]; versions: unknown[] }> {
    const read = async (sql: string) => (await pool.query(`${sql} ORDER BY path_id`, [pathIds])).rows;
    return {
      mirror: await read('SELECT * FROM kpi_current_facts WHERE path_id = ANY($1::text[])'),
      versions: await read('SELECT * FROM kpi_fact_versions WHERE path_id = ANY($1::text[]) AND recorded_until IS NULL'),
    };
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
    const { path_summaries, kpi_fact_versions, deadlines } = await snapshot([pathId]);
    expect(path_summaries).toEqual([expect.objectContaining({
      path_id: pathId, municipality: 'Hattula', coach_id: 'coach-17', status: 'EXITED', stage: 'ASSESSMENT',
      outcome: 'EDUCATION', goal_attained: true, version: expect.any(Number),
    })]);
    expect(kpi_fact_versions?.filter((row) => (row as { recorded_until: Date | null }).recorded_until === null)).toEqual([
      expect.objectContaining({ path_id: pathId, interview_due_on: expect.any(Date), outcome: 'EDUCATION', goal_attained: true, served: '{[2026-01-07,2026-02-11)}' }),
    ]);
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
    expect(parked.rows).toEqual([{ name: 'kpi-fact-versions', event_type: 'PathStarted' }, { name: 'path-summaries', event_type: 'PathStarted' }]);
    expect((await snapshot([good]))['path_summaries']).toHaveLength(1);
  });

  it('rebuild produces identical rows', async () => {
    const ids = [uniqueId('rb1'), uniqueId('rb2')];
    await appendPath(pool, ids[0] as string, [start(ids[0] as string, '2026-01-07', 'Hattula'), cmd('ReassignCoach', '2026-01-08', { coachId: 'coach-42' })]);
    await appendPath(pool, ids[1] as string, [start(ids[1] as string, '2026-01-07', 'Hattula'), cmd('HoldInitialInterview', '2026-01-09', { heldOn: '2026-01-09', serviceNeed: 'x' })]);
    await catchUp(pool, PROJECTIONS, { log });
    const before = await snapshot(ids);
    const currentBefore = await currentFacts(ids);
    const counts = await rebuild(pool, PROJECTIONS, { log });
    expect(Object.keys(counts)).toEqual(TABLES);
    expect(await snapshot(ids)).toEqual(before);
    // The rebuild's truncate empties the current facts too, and the replay fills them again.
    expect(await currentFacts(ids)).toEqual(currentBefore);
    expect(currentBefore.mirror).toEqual(currentBefore.versions);
    expect(currentBefore.mirror).toHaveLength(2);
    expect(before['deadlines']?.length).toBeGreaterThan(0);
  });

  it('KPI facts: a version per recording instant, each closed when the next opens, the current one with every fact', async () => {
    const [a, b] = [uniqueId('kpi-a'), uniqueId('kpi-b')] as [string, string];
    const interview = (on: string) => cmd('HoldInitialInterview', on, { heldOn: on, serviceNeed: 'x', employmentPlan: { applicationsPerMonth: 4, goals: ['g'] } });
    await appendPath(pool, a, [
      start(a, '2026-01-07', 'Hattula'),
      interview('2026-01-09'),
      cmd('StartAssessment', '2026-01-12', { startedOn: '2026-01-12' }),
      cmd('ReferToWellbeingService', '2026-01-13', { referralId: 'r-1', service: 'MULTISECTORAL_SCREENING', legalBasis: 'MULTISECTORAL_SUPPORT', referredOn: '2026-01-13' }),
      cmd('ExitPath', '2026-01-20', { outcome: 'EMPLOYED_OPEN_MARKET', exitedOn: '2026-01-20' }),
      cmd('ReopenPath', '2026-02-02', { reopenedOn: '2026-02-02', reason: 'lost the job' }),
    ]);
    await appendPath(pool, b, [start(b, '2026-01-14', 'Hattula')]);
    await catchUp(pool, PROJECTIONS, { log });
    const { rows } = await pool.query(
      `SELECT path_id, recorded_until IS NULL AS current, served::text, multisectoral_on::text, interview_due_on::text, interview_held_on::text, plan_recorded_on::text,
              exited_on::text, outcome, (SELECT count(*)::int FROM kpi_fact_versions v WHERE v.path_id = f.path_id) AS versions,
              (SELECT bool_and(v.recorded_until = w.recorded_from) FROM kpi_fact_versions v JOIN kpi_fact_versions w ON w.path_id = v.path_id
                 AND w.recorded_from = (SELECT min(x.recorded_from) FROM kpi_fact_versions x WHERE x.path_id = v.path_id AND x.recorded_from > v.recorded_from)
                WHERE v.path_id = f.path_id) AS chained
         FROM kpi_fact_versions f WHERE path_id = ANY($1) AND recorded_until IS NULL ORDER BY path_id`,
      [[a, b]],
    );
    expect(rows).toEqual([
      // Reopened: its exit taken back, its open days from registration to the exit and again from the reopening.
      { path_id: a, current: true, served: '{[2026-01-07,2026-01-21),[2026-02-02,)}', multisectoral_on: '{[2026-01-13,2026-01-14)}', interview_due_on: '2026-01-21', interview_held_on: '2026-01-09',
        plan_recorded_on: '2026-01-09', exited_on: null, outcome: null, versions: 5, chained: true },
      { path_id: b, current: true, served: '{[2026-01-14,)}', multisectoral_on: '{}', interview_due_on: '2026-01-28', interview_held_on: null, plan_recorded_on: null, exited_on: null, outcome: null, versions: 1, chained: null },
    ]);
    // The current facts' own table (0024) holds exactly these current versions, after five changes of a.
    const { mirror, versions } = await currentFacts([a, b]);
    expect(mirror).toEqual(versions);
    expect(mirror).toHaveLength(2);
  });

  it('KPI facts: the current facts\' table has the columns of the versions, by name and type', async () => {
    const columns = async (table: string) =>
      (await pool.query<{ name: string; type: string }>(`SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attname`, [table])).rows;
    expect(await columns('kpi_current_facts')).toEqual(await columns('kpi_fact_versions'));
  });

  it('KPI facts: the current facts follow the versions by column name, whatever the columns\' order', async () => {
    const pathId = uniqueId('kpi-order');
    await appendPath(pool, pathId, [start(pathId, '2026-01-07', 'Hattula')]);
    await catchUp(pool, PROJECTIONS, { log });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // The mirror's municipality moved to its end, as a drop and a re-add would: only the order differs.
      await client.query('ALTER TABLE kpi_current_facts DROP COLUMN municipality');
      await client.query('ALTER TABLE kpi_current_facts ADD COLUMN municipality text');
      await client.query("UPDATE kpi_fact_versions SET municipality = 'Janakkala', shared_client = true WHERE path_id = $1 AND recorded_until IS NULL", [pathId]);
      const read = async (table: string) => (await client.query(`SELECT path_id, municipality, served::text, interview_due_on::text, shared_client FROM ${table} WHERE path_id = $1 AND recorded_until IS NULL`, [pathId])).rows;
      expect(await read('kpi_current_facts')).toEqual([{ path_id: pathId, municipality: 'Janakkala', served: '{[2026-01-07,)}', interview_due_on: '2026-01-21', shared_client: true }]);
      expect(await read('kpi_current_facts')).toEqual(await read('kpi_fact_versions'));
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('KPI facts: job-search discussions held on time vs. missed, by their due dates', async () => {
    const [held, missed] = [uniqueId('jsd-held'), uniqueId('jsd-missed')] as [string, string];
    const interview = cmd('HoldInitialInterview', '2026-01-09', { heldOn: '2026-01-09', serviceNeed: 'x', employmentPlan: { applicationsPerMonth: 4, goals: [] } });
    // Due 9.4.2026 (+3 months from the interview): one held in March, one left to fire.
    await appendPath(pool, held, [start(held, '2026-01-07', 'Hattula'), interview, cmd('HoldJobSearchDiscussion', '2026-03-20', { heldOn: '2026-03-20' })]);
    await appendPath(pool, missed, [
      start(missed, '2026-01-07', 'Hattula'),
      interview,
      { ...cmd('FireScheduledItem', '2026-04-10', { itemId: 'JOB-SEARCH-DISCUSSION:jsd-1:DEADLINE', rule: 'JOB-SEARCH-DISCUSSION' }), metadata: { occurredAt: '2026-04-09T21:00:00.000Z', actor: { userId: 'polku-engine', role: 'system' } } },
    ]);
    await catchUp(pool, PROJECTIONS, { log });
    const { rows } = await pool.query(
      `SELECT path_id, discussions_on_time::text[] AS on_time, discussions_missed::text[] AS missed, discussion_due_on::text AS pending FROM kpi_fact_versions
        WHERE path_id = ANY($1) AND recorded_until IS NULL ORDER BY path_id`,
      [[held, missed]],
    );
    expect(rows).toEqual([
      // The held one's next discussion is due three months after it.
      { path_id: held, on_time: ['2026-04-09'], missed: [], pending: '2026-06-22' },
      { path_id: missed, on_time: [], missed: ['2026-04-09'], pending: null },
    ]);
  });

  it('KPI facts: realised rehabilitative work activity days, a correction replacing a month from its recording on', async () => {
    const pathId = uniqueId('rehab');
    const days = (on: string, month: string, realisedDays: number) => cmd('RecordRehabilitativeWorkDays', on, { serviceId: 'rehab-1', month, realisedDays });
    await appendPath(pool, pathId, [
      start(pathId, '2026-01-07', 'Hattula'),
      cmd('HoldInitialInterview', '2026-01-08', { heldOn: '2026-01-08', serviceNeed: 'x' }),
      cmd('StartAssessment', '2026-01-08', { startedOn: '2026-01-08' }),
      cmd('StartSideService', '2026-01-12', { serviceId: 'rehab-1', kind: 'REHABILITATIVE_WORK_ACTIVITY', provider: 'p', startOn: '2026-01-12', plannedEndOn: '2026-06-30', daysPerWeek: 3, hoursPerDay: 5, reviewOn: '2026-03-01' }),
      days('2026-02-02', '2026-01', 9),
      days('2026-02-05', '2026-01', 8),
      days('2026-03-02', '2026-02', 12),
    ]);
    await catchUp(pool, PROJECTIONS, { log });
    const { rows } = await pool.query(
      `SELECT month::text, realised_days, recorded_until IS NULL AS current FROM kpi_rehab_day_versions WHERE path_id = $1 ORDER BY month, recorded_from`,
      [pathId],
    );
    expect(rows).toEqual([
      { month: '2026-01-01', realised_days: 9, current: false },
      { month: '2026-01-01', realised_days: 8, current: true },
      { month: '2026-02-01', realised_days: 12, current: true },
    ]);
  });
});
