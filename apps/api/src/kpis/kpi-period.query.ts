import { Injectable } from '@nestjs/common';
import type { KpiSegment } from '@polku/contracts';
import { AGE_BANDS, EXIT_OUTCOMES, isUnder30, type ExitOutcome } from '@polku/domain';
import { inTransaction } from '@polku/event-store';
import { Pool } from 'pg';
import type { KpiCounts } from './kpi-counts';
import { type Period, wholeMonths } from './kpi-period';

export interface KpiCountQuery {
  readonly employmentArea: string;
  readonly period: Period;
  readonly segment: KpiSegment;
  readonly municipality?: string | undefined;
  /** Read the facts as recorded before this instant; null: as they stand now. */
  readonly recordedBefore: string | null;
  /** An unsettled deadline due before this day counts as missed. */
  readonly judgedOn: string;
}

/** Binds values to numbered parameters as a query is built: each query binds only what it uses. */
class Params {
  readonly values: unknown[] = [];
  bind(value: unknown, type: string): string {
    return `$${this.values.push(value)}::${type}`;
  }

  /** The period as a daterange, bound where it is first used: an unused parameter has no type. */
  periodOf({ from, to }: Period): () => string {
    let bound: string | undefined;
    return () => (bound ??= `daterange(${this.bind(from, 'date')}, ${this.bind(to, 'date')}, '[]')`);
  }
}

/** Memory for the hash of one KPI query's groups (PostgreSQL's default is 4 MB). */
const GROUPING_WORK_MEM = '32MB';

const UNDER_30 = AGE_BANDS.filter(isUnder30).map((band) => `'${band}'`).join(', ');

/** The facts of the area, municipality and segment, in the versions in force (current, or as of the instant). */
function factsFilter(query: KpiCountQuery, p: Params, period: () => string): string {
  return [
    `f.employment_area = ${p.bind(query.employmentArea, 'text')}`,
    // kpi_current_facts holds only versions in force now (factsOf): no condition on it.
    query.recordedBefore === null ? 'TRUE' : inForce('f', query.recordedBefore, p),
    query.municipality === undefined ? 'TRUE' : `f.municipality = ${p.bind(query.municipality, 'text')}`,
    segmentOf(query.segment, p, period),
  ].join(' AND ');
}

/**
 * Where the facts in force are: as things stand now, the current versions' own table
 * (kpi_current_facts, which follows kpi_fact_versions by trigger: migration 0024); as of an
 * instant, the versions' history.
 */
function factsOf(recordedBefore: string | null): string {
  return recordedBefore === null ? 'kpi_current_facts' : 'kpi_fact_versions';
}

function inForce(alias: string, recordedBefore: string | null, p: Params): string {
  if (recordedBefore === null) return `${alias}.recorded_until IS NULL`;
  const at = p.bind(recordedBefore, 'timestamptz');
  return `${alias}.recorded_from < ${at} AND (${alias}.recorded_until IS NULL OR ${alias}.recorded_until >= ${at})`;
}

/** The clients of a segment (docs/reporting.md): multisectoral = a multisectoral screening or referral in the period. */
function segmentOf(segment: KpiSegment, p: Params, period: () => string): string {
  if (segment === 'all') return 'TRUE';
  if (segment === 'multisectoral') return `f.multisectoral_on && ${period()}`;
  if (segment === 'under30') return `f.age_band IN (${UNDER_30})`;
  return `f.referral_source = ${p.bind(segment.slice('referral:'.length), 'text')}`;
}

interface PeriodSql {
  readonly from: string;
  readonly to: string;
  readonly inPeriod: (column: string) => string;
}

function periodSql(p: Params, period: Period): PeriodSql {
  const [from, to] = [p.bind(period.from, 'date'), p.bind(period.to, 'date')];
  return { from, to, inPeriod: (column) => `${column} BETWEEN ${from} AND ${to}` };
}

/** The per-client figures, each true or false for a path: a client counts when any of their paths does. */
function clientFlags({ to, inPeriod }: PeriodSql): Readonly<Record<'newClients' | 'activeAtEnd' | 'goalAttainedClients', string>> {
  // Active at the end: open on the last day and the next (an exit on the last day ends the path within the period).
  return { newClients: inPeriod('f.registered_on'), activeAtEnd: `f.served @> ${to} AND f.served @> (${to} + 1)`, goalAttainedClients: `${inPeriod('f.exited_on')} AND f.goal_attained` };
}

/**
 * Sums over paths (no client counted twice can matter) and the clients with one path only, per
 * municipality, outcome and whether the exit fell in the period: grouping by them counts the exits
 * by outcome without a filter per outcome on every row, and lets PostgreSQL hash a few hundred
 * groups in parallel workers (a CASE over the outcome made it sort every row instead). The days
 * from registration to a first plan recorded in the period are a grouping column too: the median
 * comes from the count of each value, in the same scan. Nothing here may stop a parallel plan:
 * settled discussions are counted by a PARALLEL SAFE function (kpi_dates_within, migration 0024)
 * and there is no array_agg (not parallel before PostgreSQL 16).
 */
function pathFigures(sql: PeriodSql, judgedOn: string): string {
  const { from, to, inPeriod } = sql;
  const settled = (column: string) => `coalesce(sum(CASE WHEN cardinality(f.${column}) = 0 THEN 0 ELSE kpi_dates_within(f.${column}, ${from}, ${to}) END), 0)::int`;
  // A condition that a grouping column decides (a shared client, an exit in the period for the
  // follow-ups) is applied to the groups in combined(), not to every row: each FILTER is
  // evaluated per row. The per-client flags are clientFlags' own, as for the shared clients;
  // goalAttainedClients' exit-in-period test runs per row there, a little CPU for one home.
  const flags = Object.entries(clientFlags(sql)).map(([name, flag]) => `count(*) FILTER (WHERE ${flag})::int AS "${name}"`);
  return [
    'f.outcome',
    `coalesce(${inPeriod('f.exited_on')}, false) AS "exitedInPeriod"`,
    `CASE WHEN ${inPeriod('f.plan_recorded_on')} THEN f.plan_recorded_on - f.registered_on END AS "planDays"`,
    'f.shared_client AS "sharedClient"',
    'count(*)::int AS paths',
    ...flags,
    `count(*) FILTER (WHERE ${inPeriod('f.interview_due_on')} AND (f.interview_held_on IS NOT NULL
      OR (f.interview_due_on < ${judgedOn} AND (f.exited_on IS NULL OR f.exited_on > f.interview_due_on))))::int AS "interviewsDue"`,
    `count(*) FILTER (WHERE ${inPeriod('f.interview_due_on')} AND f.interview_held_on <= f.interview_due_on)::int AS "interviewsOnTime"`,
    `${settled('discussions_on_time')} AS "discussionsOnTime"`,
    `${settled('discussions_missed')} AS "discussionsMissed"`,
    'count(f.follow_up_3)::int AS "followUps3"',
    'count(*) FILTER (WHERE f.follow_up_3)::int AS "inWorkAt3"',
    'count(f.follow_up_6)::int AS "followUps6"',
    'count(*) FILTER (WHERE f.follow_up_6)::int AS "inWorkAt6"',
  ].join(',\n  ');
}

const MUNICIPALITY_OR_AREA = 'CASE WHEN GROUPING(f.municipality) = 1 THEN NULL ELSE f.municipality END AS municipality';

type ClientCounts = Pick<KpiCounts, 'clientsServed' | 'newClients' | 'activeAtEnd' | 'goalAttainedClients'>;
/** One group of paths: every count is over all its paths; whether they are clients' only paths, or exits of the period, is the group's. */
type PathRow = Omit<ClientCounts, 'clientsServed'> & Pick<KpiCounts, 'interviewsDue' | 'interviewsOnTime' | 'discussionsOnTime' | 'followUps3' | 'inWorkAt3' | 'followUps6' | 'inWorkAt6'>
  & { municipality: string; outcome: string | null; exitedInPeriod: boolean; planDays: number | null; sharedClient: boolean; paths: number; discussionsMissed: number };
type SharedRow = ClientCounts & { municipality: string | null };
type RehabRow = { municipality: string | null; days: number; clients: number };

/**
 * Counts the KPIs of one area, period and segment from the facts (kpi_current_facts, or
 * kpi_fact_versions as of an instant), per municipality and for the whole area: distinct clients
 * over the period, so a client served in five months counts once, and the area's total is no sum
 * of its municipalities (a client served in two counts once). One hash aggregate over the period's facts sums the paths and counts the
 * clients with one path; DISTINCT sorts only the clients with several (`shared_client`).
 */
@Injectable()
export class KpiPeriodQuery {
  constructor(private readonly pool: Pool) {}

  async counts(query: KpiCountQuery): Promise<KpiCounts[]> {
    const [paths, shared, rehab] = await Promise.all([this.pathRows(query), this.sharedRows(query), this.rehabDays(query)]);
    const parts = (name: string | null) => ({
      paths: name === null ? paths : paths.filter((row) => row.municipality === name),
      shared: shared.find((row) => row.municipality === name),
      rehab: rehab.find((row) => row.municipality === name),
    });
    const names = [...new Set(paths.map((row) => row.municipality))];
    const rehabOnly = rehab.flatMap((row) => (row.municipality !== null && !names.includes(row.municipality) ? [row.municipality] : []));
    return [...[...names, ...rehabOnly].map((name) => combined(name, parts(name))), combined(null, parts(null))];
  }

  private async pathRows(query: KpiCountQuery): Promise<PathRow[]> {
    const p = new Params();
    const sql = periodSql(p, query.period);
    const period = () => `daterange(${sql.from}, ${sql.to}, '[]')`;
    const columns = pathFigures(sql, p.bind(query.judgedOn, 'date'));
    // PostgreSQL cannot know how few groups the days to plan make; with the default work_mem it
    // fears a large hash table and sorts every row instead. JIT compilation cost ~100 ms of a
    // 250 ms answer as of a date, and saves less than it costs in a query of this size
    // (docs/reporting.md, "Speed").
    return inTransaction(this.pool, async (client) => {
      await client.query(`SET LOCAL work_mem = '${GROUPING_WORK_MEM}'; SET LOCAL jit = off`);
      const { rows } = await client.query<PathRow>(
        `SELECT f.municipality, ${columns}
           FROM ${factsOf(query.recordedBefore)} f WHERE ${factsFilter(query, p, period)} AND f.served && ${period()}
          GROUP BY f.municipality, f.outcome, "exitedInPeriod", "planDays", "sharedClient"`,
        p.values,
      );
      return rows;
    });
  }

  /**
   * The clients with several paths, counted once each per municipality and once in the area:
   * each client's flags are folded first (a client counts when any of their paths does), so the
   * counts are hash aggregates instead of a sort for every count(DISTINCT …).
   */
  private async sharedRows(query: KpiCountQuery): Promise<SharedRow[]> {
    const p = new Params();
    const sql = periodSql(p, query.period);
    const period = () => `daterange(${sql.from}, ${sql.to}, '[]')`;
    const flags = Object.entries(clientFlags(sql));
    const names = flags.map(([name]) => name);
    const folded = flags.map(([name, flag]) => `bool_or(${flag}) AS "${name}"`);
    const counts = ['count(*)::int AS "clientsServed"', ...names.map((name) => `count(*) FILTER (WHERE "${name}")::int AS "${name}"`)].join(', ');
    const { rows } = await this.pool.query<SharedRow>(
      `WITH per_municipality AS (
         SELECT f.municipality, f.client_reference, ${folded.join(', ')}
           FROM ${factsOf(query.recordedBefore)} f WHERE ${factsFilter(query, p, period)} AND f.shared_client AND f.served && ${period()}
          GROUP BY f.municipality, f.client_reference)
       SELECT municipality, ${counts} FROM per_municipality GROUP BY municipality
       UNION ALL
       SELECT NULL, ${counts}
         FROM (SELECT ${names.map((name) => `bool_or("${name}") AS "${name}"`).join(', ')} FROM per_municipality GROUP BY client_reference) AS per_client`,
      p.values,
    );
    return rows;
  }

  /** Realised days of the months wholly in the period, per municipality of the path and for the area. */
  private async rehabDays(query: KpiCountQuery): Promise<RehabRow[]> {
    const months = wholeMonths(query.period);
    if (months === null) return [];
    const p = new Params();
    const period = p.periodOf(query.period);
    const { rows } = await this.pool.query<RehabRow>(
      `SELECT ${MUNICIPALITY_OR_AREA}, sum(r.realised_days)::int AS days, count(DISTINCT f.client_reference)::int AS clients
         FROM kpi_rehab_day_versions r JOIN ${factsOf(query.recordedBefore)} f ON f.path_id = r.path_id
        WHERE ${factsFilter(query, p, period)} AND ${inForce('r', query.recordedBefore, p)}
          AND r.month BETWEEN ${p.bind(`${months.from}-01`, 'date')} AND ${p.bind(`${months.to}-01`, 'date')}
        GROUP BY GROUPING SETS ((f.municipality), ())`,
      p.values,
    );
    return rows.filter((row) => row.clients > 0);
  }
}

const sumOf = (rows: readonly PathRow[], pick: (row: PathRow) => number) => rows.reduce((sum, row) => sum + pick(row), 0);

/** The median of values given as counts per value. */
function medianOf(counts: readonly { days: number; plans: number }[]): number | null {
  const total = counts.reduce((sum, row) => sum + row.plans, 0);
  if (total === 0) return null;
  const sorted = [...counts].sort((a, b) => a.days - b.days);
  // The values at 0-based ranks ⌊(n−1)/2⌋ and ⌊n/2⌋: one value for an odd n, two to average for an even one.
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const row of sorted) {
      seen += row.plans;
      if (rank < seen) return row.days;
    }
    return Number.NaN;
  };
  return (valueAt(Math.floor((total - 1) / 2)) + valueAt(Math.floor(total / 2))) / 2;
}

interface MunicipalityParts {
  readonly paths: readonly PathRow[];
  readonly shared: SharedRow | undefined;
  readonly rehab: RehabRow | undefined;
}

/** One municipality (or the area: every row) from its path sums, plan days, shared clients and realised days. */
function combined(municipality: string | null, { paths, shared, rehab }: MunicipalityParts): KpiCounts {
  const plans = paths.flatMap((row) => (row.planDays === null ? [] : [{ days: row.planDays, plans: row.paths }]));
  const plansRecorded = plans.reduce((sum, row) => sum + row.plans, 0);
  // A client with one path is that path; the clients with several come folded from sharedRows.
  const single = paths.filter((row) => !row.sharedClient);
  const clients = (figure: keyof ClientCounts) => sumOf(single, (row) => (figure === 'clientsServed' ? row.paths : row[figure])) + (shared?.[figure] ?? 0);
  const exited = paths.filter((row) => row.exitedInPeriod);
  const exitsOf = (outcome?: string) => sumOf(exited, (row) => (outcome === undefined || row.outcome === outcome ? row.paths : 0));
  return {
    municipality,
    clientsServed: clients('clientsServed'),
    newClients: clients('newClients'),
    activeAtEnd: clients('activeAtEnd'),
    exits: exitsOf(),
    exitsByOutcome: Object.fromEntries(EXIT_OUTCOMES.map((outcome) => [outcome, exitsOf(outcome)])) as Record<ExitOutcome, number>,
    goalAttainedClients: clients('goalAttainedClients'),
    interviewsDue: sumOf(paths, (row) => row.interviewsDue),
    interviewsOnTime: sumOf(paths, (row) => row.interviewsOnTime),
    discussionsDue: sumOf(paths, (row) => row.discussionsOnTime + row.discussionsMissed),
    discussionsOnTime: sumOf(paths, (row) => row.discussionsOnTime),
    plansRecorded,
    daysToPlanMedian: medianOf(plans),
    daysToPlanMean: plansRecorded === 0 ? null : plans.reduce((sum, row) => sum + row.days * row.plans, 0) / plansRecorded,
    followUps3: sumOf(exited, (row) => row.followUps3),
    inWorkAt3: sumOf(exited, (row) => row.inWorkAt3),
    followUps6: sumOf(exited, (row) => row.followUps6),
    inWorkAt6: sumOf(exited, (row) => row.inWorkAt6),
    rehabDays: rehab?.days ?? 0,
    rehabClients: rehab?.clients ?? 0,
  };
}
