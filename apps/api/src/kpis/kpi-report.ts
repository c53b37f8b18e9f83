import { KPI_SMALLEST_SHOWN, type KpiComparison, type KpiReport, type KpiSegment } from '@polku/contracts';
import { EXIT_OUTCOMES, type ExitOutcome } from '@polku/domain';
import type { KpiCounts } from './kpi-counts';
import { changeOf, publishFigures } from './kpi-disclosure';
import { type KpiAsked, wholeMonths } from './kpi-period';

const NOBODY: Omit<KpiCounts, 'municipality'> = {
  clientsServed: 0, newClients: 0, activeAtEnd: 0, exits: 0,
  exitsByOutcome: Object.fromEntries(EXIT_OUTCOMES.map((outcome) => [outcome, 0])) as Record<ExitOutcome, number>,
  goalAttainedClients: 0, interviewsDue: 0, interviewsOnTime: 0, discussionsDue: 0, discussionsOnTime: 0,
  plansRecorded: 0, daysToPlanMedian: null, daysToPlanMean: null, followUps3: 0, inWorkAt3: 0, followUps6: 0, inWorkAt6: 0, rehabDays: 0, rehabClients: 0,
};

function compared(municipality: string | null, current: readonly KpiCounts[], previous: readonly KpiCounts[]): KpiComparison {
  const of = (rows: readonly KpiCounts[]) => publishFigures(rows.find((row) => row.municipality === municipality) ?? { ...NOBODY, municipality });
  const [now, then] = [of(current), of(previous)];
  return { municipality, current: now, previousYear: then, change: changeOf(now, then) };
}

/**
 * The KPI answer: the period's figures beside those of the same period a year earlier, per
 * municipality (any that had clients in either) and for the whole area, every figure published
 * by the small-cell rule.
 */
export function kpiReport(asked: KpiAsked, segment: KpiSegment, generatedAt: string, current: readonly KpiCounts[], previous: readonly KpiCounts[]): KpiReport {
  const names = [...new Set([...current, ...previous].map((row) => row.municipality).filter((name): name is string => name !== null))].sort((a, b) => a.localeCompare(b, 'fi'));
  return {
    period: asked.period,
    previousYearPeriod: asked.previousYear,
    segment,
    asOf: asked.asOf,
    generatedAt,
    smallestShown: KPI_SMALLEST_SHOWN,
    rehabMonths: wholeMonths(asked.period),
    area: compared(null, current, previous),
    municipalities: names.map((name) => compared(name, current, previous)),
  };
}
