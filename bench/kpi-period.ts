/**
 * How fast the KPIs of a period count distinct clients at national scale (docs/reporting.md):
 *   npm run bench:kpi [-- --paths=300000 --runs=40]
 * Creates a database of its own on the local server, loads the facts of `paths` synthetic paths
 * (each with its history of earlier versions) into kpi_fact_versions, times the API's own
 * KPI query for a one-year period, prints p50/p95/max, and drops the database. A benchmark that
 * prints figures, not a test: nothing here passes or fails on time.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@polku/config';
import type { KpiSegment } from '@polku/contracts';
import { createPool, migrate } from '@polku/event-store';
import type { Pool } from 'pg';
import { AGE_BANDS, EXIT_OUTCOMES, GOAL_ATTAINED, REFERRAL_SOURCES } from '@polku/domain';
import { KpiPeriodQuery, type KpiCountQuery } from '../apps/api/src/kpis/kpi-period.query';
import { percentile } from './support/stats';

const AREA = 'Bench area';
const MUNICIPALITIES = 20;
const CHUNK = 5_000;
/** Each path also has this many earlier versions: a real table holds a path's history beside its current facts. */
const HISTORY = 3;

function option(name: string, fallback: number): number {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
}

const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Paths registered over 2021–2026 (uniformly), 20 municipalities, open 20 days to two years, 85 %
 * exited, one client in ten with a second path (a fifth of the paths share a client), a fifth
 * referred to multisectoral service.
 * Generated in SQL, a chunk a statement, from the path's number alone (deterministic).
 */
async function load(pool: Pool, paths: number): Promise<void> {
  for (let first = 0; first < paths; first += CHUNK) {
    const last = Math.min(paths, first + CHUNK) - 1;
    await pool.query(
      `WITH p AS (
         SELECT i, DATE '2021-01-01' + ((i::bigint * 7919) % 2000)::int AS reg, 20 + ((i::bigint * 104729) % 700)::int AS span, ((i::bigint * 31) % 100)::int AS roll
           FROM generate_series($1::int, $2::int) AS i),
       f AS (
         SELECT i, reg, roll, CASE WHEN roll < 85 THEN reg + span END AS exit FROM p),
       v AS (SELECT f.*, h FROM f CROSS JOIN generate_series(0, $4::int) AS h)
       INSERT INTO kpi_fact_versions (path_id, recorded_from, recorded_until, version, client_reference, employment_area, municipality, referral_source, age_band,
         registered_on, served, multisectoral_on, interview_due_on, interview_held_on, plan_recorded_on, exited_on, outcome, goal_attained, follow_up_3, follow_up_6, shared_client)
       SELECT 'bench-' || i, (reg + h)::timestamptz, CASE WHEN h < $4 THEN (reg + h + 1)::timestamptz END, h + 1,
              'cref_bench' || lpad((i % ($3::int * 9 / 10))::text, 12, '0'), '${AREA}', 'Kunta ' || (i % ${MUNICIPALITIES}),
              ($5::text[])[1 + i % cardinality($5::text[])], ($6::text[])[1 + i % cardinality($6::text[])],
              reg, CASE WHEN exit IS NULL THEN datemultirange(daterange(reg, NULL)) ELSE datemultirange(daterange(reg, exit, '[]')) END,
              CASE WHEN roll % 5 = 0 THEN datemultirange(daterange(reg + 30, reg + 30, '[]')) ELSE '{}' END,
              reg + 14, reg + 3 + roll % 15, reg + 3 + roll % 15,
              exit, CASE WHEN exit IS NOT NULL THEN ($7::text[])[1 + roll % cardinality($7::text[])] END,
              CASE WHEN exit IS NOT NULL THEN ($8::boolean[])[1 + roll % cardinality($7::text[])] END,
              CASE WHEN exit IS NOT NULL AND roll % 2 = 0 THEN roll % 3 <> 0 END, CASE WHEN exit IS NOT NULL AND roll % 4 = 0 THEN roll % 3 <> 1 END,
              -- Client c = i mod 0.9·paths: the first 10 % of clients have two paths, both marked as the projection marks them.
              (i % ($3::int * 9 / 10)) < ($3::int - $3::int * 9 / 10)
         FROM v`,
      [first, last, paths, HISTORY, REFERRAL_SOURCES, AGE_BANDS, EXIT_OUTCOMES, EXIT_OUTCOMES.map((outcome) => GOAL_ATTAINED[outcome])],
    );
  }
  // Both tables as a running system has them, vacuumed and analysed: otherwise autovacuum starts
  // on the fresh rows during the timed runs, and kpi_current_facts (kept by trigger) would be
  // planned without statistics until autoanalyze reaches it.
  await pool.query('VACUUM (ANALYZE) kpi_fact_versions, kpi_current_facts');
}


async function time(label: string, runs: number, once: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) await once();
  const took: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await once();
    took.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  took.sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
  out(`${label.padEnd(58)} p50 ${fmt(percentile(took, 0.5))}  p95 ${fmt(percentile(took, 0.95))}  max ${fmt(took.at(-1) ?? Number.NaN)}  (${runs} runs)`);
}

async function main(): Promise<void> {
  const paths = option('paths', 300_000);
  const runs = option('runs', 40);
  // --keep leaves the database for EXPLAIN (its name is printed; drop it by hand).
  const keep = process.argv.includes('--keep');
  const ownerUrl = loadConfig().databaseUrl;
  const name = `polku_kpibench_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = createPool(ownerUrl, 1);
  await admin.query(`CREATE DATABASE ${name}`);
  const pool = createPool(Object.assign(new URL(ownerUrl), { pathname: `/${name}` }).toString(), 4);
  try {
    await migrate(pool);
    const loading = Date.now();
    await load(pool, paths);
    const { rows } = await pool.query<{ current: string; all: string; size: string }>(
      `SELECT count(*) FILTER (WHERE recorded_until IS NULL) AS current, count(*) AS all, pg_size_pretty(pg_total_relation_size('kpi_fact_versions')) AS size FROM kpi_fact_versions`,
    );
    if (keep) out(`database ${name} kept`);
    out(`loaded ${rows[0]?.current} paths (${rows[0]?.all} fact versions, ${rows[0]?.size}) in one employment area, ${MUNICIPALITIES} municipalities, in ${((Date.now() - loading) / 1000).toFixed(1)} s`);
    const query = new KpiPeriodQuery(pool);
    const ask = (segment: KpiSegment, extra: Partial<KpiCountQuery> = {}) => () =>
      query.counts({ employmentArea: AREA, period: { from: '2025-01-01', to: '2025-12-31' }, segment, recordedBefore: null, judgedOn: '2026-12-01', ...extra });
    if (keep && runs === 0) return;
    await time('one year (2025), all clients', runs, ask('all'));
    await time('one year (2025), multisectoral clients', runs, ask('multisectoral'));
    await time('one year (2025), all clients, as of 2025-06-30', runs, ask('all', { recordedBefore: '2025-06-30T21:00:00.000Z', judgedOn: '2025-06-30' }));
    await time('one year against the year before (the endpoint: two periods)', runs, () => Promise.all([ask('all')(), ask('all', { period: { from: '2024-01-01', to: '2024-12-31' } })()]));
    await time('one month (2025-03), all clients', runs, ask('all', { period: { from: '2025-03-01', to: '2025-03-31' } }));
  } finally {
    await pool.end();
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`kpi-period bench failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
