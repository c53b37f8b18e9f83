import type { KpiComparison, KpiFigures } from '@polku/contracts';
import type { ExitOutcome } from '@polku/domain';
import { EXIT_OUTCOMES } from '../forms/options';

/** One municipality's figure in the period and a year earlier (null: not shown). */
export interface ComparedBar {
  readonly name: string;
  readonly current: number | null;
  readonly previous: number | null;
  readonly change: number | null;
}

export type ComparedFigure = 'clientsServed' | 'goalAttainedShare' | 'rehabDays';

export interface Stack {
  readonly municipality: string;
  readonly segments: readonly { readonly outcome: ExitOutcome; readonly exits: number }[];
  /** The sum of the segments drawn: what was published, never more. */
  readonly total: number;
  /** Outcomes the API suppressed (1–4 people): marked "<5", never drawn as a number. */
  readonly suppressed: readonly ExitOutcome[];
}

/** One bar pair per municipality, in the answer's order (alphabetical). */
export function comparedBars(rows: readonly KpiComparison[], figure: ComparedFigure): readonly ComparedBar[] {
  return rows.map((row) => ({ name: row.municipality ?? '', current: toNumber(row.current[figure]), previous: toNumber(row.previousYear[figure]), change: toNumber(row.change[figure]) }));
}

/** One stacked bar per municipality, segments in the domain's outcome order. */
export function exitStacks(rows: readonly KpiComparison[]): readonly Stack[] {
  return rows.map((row) => stackOf(row.municipality ?? '', row.current.exitsByOutcome));
}

function stackOf(municipality: string, exits: KpiFigures['exitsByOutcome']): Stack {
  const segments = EXIT_OUTCOMES.filter((outcome) => (toNumber(exits[outcome]) ?? 0) > 0).map((outcome) => ({ outcome, exits: toNumber(exits[outcome]) ?? 0 }));
  const suppressed = EXIT_OUTCOMES.filter((outcome) => outcome in exits && exits[outcome] === null);
  return { municipality, segments, total: segments.reduce((sum, segment) => sum + segment.exits, 0), suppressed };
}

/** A count as the table shows it: a suppressed one (null) is "<5", never a number worked out here. */
export function countLabel(value: number | null, suppressedLabel: string): string {
  return value === null ? suppressedLabel : String(value);
}

/** The outcomes drawn anywhere, for the legend. */
export function outcomesIn(stacks: readonly Stack[]): readonly ExitOutcome[] {
  const present = new Set(stacks.flatMap((stack) => stack.segments.map((segment) => segment.outcome)));
  return EXIT_OUTCOMES.filter((outcome) => present.has(outcome));
}

/** A change with its sign: "+15", "−5" (a minus sign, not a hyphen), "±0". */
export function signed(value: number | null, format: (magnitude: number) => string): string | null {
  if (value === null) return null;
  if (value === 0) return `±${format(0)}`;
  return `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`;
}

// JSON numbers, but a proxy or an older API might send numerics as strings ("0.3200"): both are read.
function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}
