import { Injectable } from '@nestjs/common';
import type { KpiSegment } from '@polku/contracts';
import { AGE_BANDS, EXIT_OUTCOMES, isUnder30, type ExitOutcome } from '@polku/domain';
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

const UNDER_30 = AGE_BANDS.filter(isUnder30).map((band) => `'${band}'`).join(', ');

/** The facts of the area, municipality and segment, in the versions in force (current, or as of the instant). */
function factsFilter(query: KpiCountQuery, p: Params, period: () => string): string {
  return [
    `f.employment_area = ${p.bind(query.employmentArea, 'text')}`,
    inForce('f', query.recordedBefore, p),
    query.municipality === undefined ? 'TRUE' : `f.municipality = ${p.bind(query.municipality, 'text')}`,
    segmentOf(query.segment, p, period),
  ].join(' AND ');
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
 * municipality and outcome of an exit in the period: grouping by the outcome counts the exits by
 * outcome without a filter per outcome on every row.
 */
function pathFigures(sql: PeriodSql, judgedOn: string): string {
  const { inPeriod } = sql;
  // A subquery per row only where the row has settled discussions at all.
  const settled = (column: string) => `coalesce(sum(CASE WHEN cardinality(f.${column}) = 0 THEN 0 ELSE (SELECT count(*) FROM unnest(f.${column}) AS due WHERE ${inPeriod('due')}) END), 0)::int`;
  const exited = inPeriod('f.exited_on');
  const single = Object.entries(clientFlags(sql)).map(([name, flag]) => `count(*) FILTER (WHERE NOT f.shared_client AND ${flag})::int AS "${name}"`);
  return [
    `CASE WHEN ${exited} THEN f.outcome END AS "exitOutcome"`,
    'count(*)::int AS paths',
    'count(*) FILTER (WHERE NOT f.shared_client)::int AS "clientsServed"',
    ...single,
    `count(*) FILTER (WHERE ${inPeriod('f.interview_due_on')} AND (f.interview_held_on IS NOT NULL
      OR (f.interview_due_on < ${judgedOn} AND (f.exited_on IS NULL OR f.exited_on > f.interview_due_on))))::int AS "interviewsDue"`,
    `count(*) FILTER (WHERE ${inPeriod('f.interview_due_on')} AND f.interview_held_on <= f.interview_due_on)::int AS "interviewsOnTime"`,
    `${settled('discussions_on_time')} AS "discussionsOnTime"`,
    `${settled('discussions_missed')} AS "discussionsMissed"`,
    `coalesce(array_agg(f.plan_recorded_on - f.registered_on) FILTER (WHERE ${inPeriod('f.plan_recorded_on')}), '{}') AS "planDays"`,
    `count(f.follow_up_3) FILTER (WHERE ${exited})::int AS "followUps3"`,
    `count(*) FILTER (WHERE ${exited} AND f.follow_up_3)::int AS "inWorkAt3"`,
    `count(f.follow_up_6) FILTER (WHERE ${exited})::int AS "followUps6"`,
    `count(*) FILTER (WHERE ${exited} AND f.follow_up_6)::int AS "inWorkAt6"`,
  ].join(',\n  ');
}

const MUNICIPALITY_OR_AREA = 'CASE WHEN GROUPING(f.municipality) = 1 THEN NULL ELSE f.municipality END AS municipality';

type ClientCounts = Pick<KpiCounts, 'clientsServed' | 'newClients' | 'activeAtEnd' | 'goalAttainedClients'>;
type PathRow = ClientCounts & Pick<KpiCounts, 'interviewsDue' | 'interviewsOnTime' | 'discussionsOnTime' | 'followUps3' | 'inWorkAt3' | 'followUps6' | 'inWorkAt6'>
  & { municipality: string; exitOutcome: string | null; paths: number; discussionsMissed: number; planDays: number[] };
type SharedRow = ClientCounts & { municipality: string | null };
type RehabRow = { municipality: string | null; days: number; clients: number };

/**
 * Counts the KPIs of one area, period and segment from the facts (kpi_fact_versions), per
 * municipality and for the whole area: distinct clients over the period, so a client served in
 * five months counts once, and the area's total is no sum of its municipalities (a client served
 * in two counts once). One hash aggregate over the period's facts sums the paths and counts the
 * clients with one path; DISTINCT sorts only the clients with several (`shared_client`).
 */
@Injectable()
export class KpiPeriodQuery {
  constructor(private readonly pool: Pool) {}

  async counts(query: KpiCountQuery): Promise<KpiCounts[]> {
    const [paths, shared, rehab] = await Promise.all([this.pathRows(query), this.sharedRows(query), this.rehabDays(query)]);
    const area = combined(null, paths, shared.find((row) => row.municipality === null), rehab.find((row) => row.municipality === null));
    const names = [...new Set(paths.map((row) => row.municipality))];
    const byMunicipality = names.map((name) => combined(name, paths.filter((row) => row.municipality === name), shared.find((row) => row.municipality === name), rehab.find((row) => row.municipality === name)));
    const rehabOnly = rehab.filter((row) => row.municipality !== null && !paths.some((path) => path.municipality === row.municipality));
    const rows = [...byMunicipality, ...rehabOnly.map((row) => combined(row.municipality, [], undefined, row))];
    return [...rows, area];
  }

  private async pathRows(query: KpiCountQuery): Promise<PathRow[]> {
    const p = new Params();
    const sql = periodSql(p, query.period);
    const period = () => `daterange(${sql.from}, ${sql.to}, '[]')`;
    const columns = pathFigures(sql, p.bind(query.judgedOn, 'date'));
    const { rows } = await this.pool.query<PathRow>(
      `SELECT f.municipality, ${columns}
         FROM kpi_fact_versions f WHERE ${factsFilter(query, p, period)} AND f.served && ${period()}
        GROUP BY f.municipality, "exitOutcome"`,
      p.values,
    );
    return rows;
  }

  /** The clients with several paths, counted once each per municipality and once in the area. */
  private async sharedRows(query: KpiCountQuery): Promise<SharedRow[]> {
    const p = new Params();
    const sql = periodSql(p, query.period);
    const period = () => `daterange(${sql.from}, ${sql.to}, '[]')`;
    const flags = Object.entries(clientFlags(sql)).map(([name, flag]) => `count(DISTINCT f.client_reference) FILTER (WHERE ${flag})::int AS "${name}"`);
    const { rows } = await this.pool.query<SharedRow>(
      `SELECT ${MUNICIPALITY_OR_AREA}, count(DISTINCT f.client_reference)::int AS "clientsServed", ${flags.join(', ')}
         FROM kpi_fact_versions f WHERE ${factsFilter(query, p, period)} AND f.shared_client AND f.served && ${period()}
        GROUP BY GROUPING SETS ((f.municipality), ())`,
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
         FROM kpi_rehab_day_versions r JOIN kpi_fact_versions f ON f.path_id = r.path_id
        WHERE ${factsFilter(query, p, period)} AND ${inForce('r', query.recordedBefore, p)}
          AND r.month BETWEEN ${p.bind(`${months.from}-01`, 'date')} AND ${p.bind(`${months.to}-01`, 'date')}
        GROUP BY GROUPING SETS ((f.municipality), ())`,
      p.values,
    );
    return rows.filter((row) => row.clients > 0);
  }
}

const sumOf = (rows: readonly PathRow[], pick: (row: PathRow) => number) => rows.reduce((sum, row) => sum + pick(row), 0);

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** One municipality (or the area: every row) from its path sums, its shared clients and its realised days. */
function combined(municipality: string | null, paths: readonly PathRow[], shared: SharedRow | undefined, rehab: RehabRow | undefined): KpiCounts {
  const planDays = paths.flatMap((row) => row.planDays);
  const clients = (figure: keyof ClientCounts) => sumOf(paths, (row) => row[figure]) + (shared?.[figure] ?? 0);
  return {
    municipality,
    clientsServed: clients('clientsServed'),
    newClients: clients('newClients'),
    activeAtEnd: clients('activeAtEnd'),
    exits: sumOf(paths, (row) => (row.exitOutcome === null ? 0 : row.paths)),
    exitsByOutcome: Object.fromEntries(EXIT_OUTCOMES.map((outcome) => [outcome, sumOf(paths, (row) => (row.exitOutcome === outcome ? row.paths : 0))])) as Record<ExitOutcome, number>,
    goalAttainedClients: clients('goalAttainedClients'),
    interviewsDue: sumOf(paths, (row) => row.interviewsDue),
    interviewsOnTime: sumOf(paths, (row) => row.interviewsOnTime),
    discussionsDue: sumOf(paths, (row) => row.discussionsOnTime + row.discussionsMissed),
    discussionsOnTime: sumOf(paths, (row) => row.discussionsOnTime),
    plansRecorded: planDays.length,
    daysToPlanMedian: median(planDays),
    daysToPlanMean: planDays.length === 0 ? null : planDays.reduce((sum, days) => sum + days, 0) / planDays.length,
    followUps3: sumOf(paths, (row) => row.followUps3),
    inWorkAt3: sumOf(paths, (row) => row.inWorkAt3),
    followUps6: sumOf(paths, (row) => row.followUps6),
    inWorkAt6: sumOf(paths, (row) => row.inWorkAt6),
    rehabDays: rehab?.days ?? 0,
    rehabClients: rehab?.clients ?? 0,
  };
}
