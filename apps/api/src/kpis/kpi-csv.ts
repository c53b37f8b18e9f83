import { KPI_SMALLEST_SHOWN, type KpiChange, type KpiComparison, type KpiFigures, type KpiReport } from '@polku/contracts';
import { EXIT_OUTCOMES } from '@polku/domain';

type Figure = keyof KpiChange;

/** Counts of people: a null one is suppressed (1–4 people) and reads "<5", as in the console. */
const PEOPLE: readonly Figure[] = ['clientsServed', 'newClients', 'activeAtEnd', 'exits', 'goalAttainedClients'];
const FIGURES: readonly Figure[] = [
  ...PEOPLE, 'goalAttainedShare', 'interviewOnTimeShare', 'discussionOnTimeShare', 'daysToPlanMedian', 'daysToPlanMean', 'inWorkShare3', 'inWorkShare6', 'rehabDays',
];
const SUPPRESSED = `<${KPI_SMALLEST_SHOWN}`;
// A cell a spreadsheet would run as a formula (CWE-1236): municipality names are typed by staff.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const shown = (figure: Figure, value: number | null) => (value === null && PEOPLE.includes(figure) ? SUPPRESSED : value);
const outcomes = (figures: KpiFigures) => EXIT_OUTCOMES.map((outcome) => (figures.exitsByOutcome[outcome] === null ? SUPPRESSED : figures.exitsByOutcome[outcome]));

/**
 * The KPI answer as CSV (RFC 4180, CRLF): one row for the area and one per municipality, each
 * with the period, segment, as-of date and generation time, so a copy stands on its own in a
 * report. Per figure: the period, the same period a year earlier, and the change. An empty cell
 * is a figure not shown (nothing was due, or too few people); "<5" a suppressed count.
 */
export function kpiCsv(report: KpiReport): string {
  const header = [
    'period_from', 'period_to', 'previous_year_from', 'previous_year_to', 'segment', 'as_of', 'generated_at', 'municipality',
    ...FIGURES.flatMap((figure) => [figure, `${figure}_previous_year`, `${figure}_change`]),
    ...EXIT_OUTCOMES.flatMap((outcome) => [`exits_${outcome}`, `exits_${outcome}_previous_year`]),
    'rehab_months_from', 'rehab_months_to',
  ];
  const row = (comparison: KpiComparison) => [
    report.period.from, report.period.to, report.previousYearPeriod.from, report.previousYearPeriod.to, report.segment, report.asOf, report.generatedAt,
    comparison.municipality ?? '(area)',
    ...FIGURES.flatMap((figure) => [shown(figure, comparison.current[figure]), shown(figure, comparison.previousYear[figure]), comparison.change[figure]]),
    ...outcomes(comparison.current).flatMap((value, index) => [value, outcomes(comparison.previousYear)[index] ?? null]),
    report.rehabMonths?.from ?? null, report.rehabMonths?.to ?? null,
  ];
  const lines = [header, row(report.area), ...report.municipalities.map(row)];
  return `${lines.map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}
