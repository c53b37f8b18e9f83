import type { KpiExits, KpiMonth } from '@polku/contracts';
import type { ExitOutcome } from '@polku/domain';
import { EXIT_OUTCOMES } from '../forms/options';

export interface Series {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

/** Grouped bars: one group per month, one bar per municipality (null: no clients that month). */
export interface GroupedBars {
  readonly groups: readonly string[];
  readonly series: readonly Series[];
}

export interface Stack {
  readonly municipality: string;
  readonly month: string;
  readonly segments: readonly { readonly outcome: ExitOutcome; readonly exits: number }[];
  /** The sum of the segments drawn: what was published, never more. */
  readonly total: number;
  /** Outcomes the API suppressed (1–4 people): marked "<5", never drawn as a number. */
  readonly suppressed: readonly ExitOutcome[];
}

const monthOf = (value: string) => value.slice(0, 7);
const uniqueSorted = (values: readonly string[]) => [...new Set(values)].sort();

export function goalShareBars(monthly: readonly KpiMonth[]): GroupedBars {
  const groups = uniqueSorted(monthly.map((row) => monthOf(row.month)));
  const municipalities = uniqueSorted(monthly.map((row) => row.municipality));
  const share = new Map(monthly.map((row) => [`${row.municipality}|${monthOf(row.month)}`, row.goalAttainedShare]));
  return {
    groups,
    series: municipalities.map((name) => ({ name, values: groups.map((month) => toNumber(share.get(`${name}|${month}`))) })),
  };
}

/** One stacked bar per municipality and month, segments in the domain's outcome order. */
export function exitStacks(exits: readonly KpiExits[]): readonly Stack[] {
  // Keyed by the outcome as sent; only the domain's outcomes become segments. null: suppressed.
  const byBar = new Map<string, Map<string, number | null>>();
  for (const row of exits) {
    const key = `${monthOf(row.month)}|${row.municipality}`;
    const bar = byBar.get(key) ?? new Map<string, number | null>();
    bar.set(row.outcome, addCounts(bar.has(row.outcome) ? (bar.get(row.outcome) ?? null) : 0, toNumber(row.exits)));
    byBar.set(key, bar);
  }
  return [...byBar.keys()].sort().map((key) => {
    const [month = '', municipality = ''] = key.split('|');
    const bar = byBar.get(key) ?? new Map<string, number | null>();
    const segments = EXIT_OUTCOMES.filter((outcome) => (bar.get(outcome) ?? 0) > 0).map((outcome) => ({ outcome, exits: bar.get(outcome) ?? 0 }));
    const suppressed = EXIT_OUTCOMES.filter((outcome) => bar.has(outcome) && bar.get(outcome) === null);
    return { municipality, month, segments, total: segments.reduce((sum, segment) => sum + segment.exits, 0), suppressed };
  });
}

/** A count as the table shows it: a suppressed one (null) is "<5", never a number worked out here. */
export function countLabel(value: number | null, suppressedLabel: string): string {
  return value === null ? suppressedLabel : String(value);
}

// Rows of one outcome add up; one suppressed keeps the sum suppressed (its number is unknown).
function addCounts(sum: number | null, value: number | null): number | null {
  return sum === null || value === null ? null : sum + value;
}

/** The outcomes drawn anywhere, for the legend. */
export function outcomesIn(stacks: readonly Stack[]): readonly ExitOutcome[] {
  const present = new Set(stacks.flatMap((stack) => stack.segments.map((segment) => segment.outcome)));
  return EXIT_OUTCOMES.filter((outcome) => present.has(outcome));
}

// PostgreSQL numerics may arrive as strings ("0.3200"); both are read as numbers.
function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}
