/**
 * What a benchmark answers: rows of the results table (figure, raw baseline, ratio, goal,
 * pass/fail) and its correctness checks. A failed check fails the benchmark whatever its figures.
 */
export type Unit = '/s' | 'ms' | 'MiB' | '×';

export interface Quantity {
  readonly value: number;
  readonly unit: Unit;
}

export type Goal =
  /** ours ÷ baseline at least `min` (throughput). */
  | { readonly kind: 'ratio-at-least'; readonly min: number }
  /** ours ÷ baseline at most `max` (latency). */
  | { readonly kind: 'ratio-at-most'; readonly max: number }
  /** The figure itself at most `max` of its unit. */
  | { readonly kind: 'at-most'; readonly max: number; readonly unit: Unit }
  /** The figure itself at least `min` (e.g. a scaling factor). */
  | { readonly kind: 'at-least'; readonly min: number; readonly unit: Unit }
  /** Reported, not judged. */
  | { readonly kind: 'printed' };

export interface Row {
  readonly measure: string;
  readonly figure?: Quantity;
  readonly baseline?: Quantity;
  /** Absent without a baseline, or when either side has no figure. */
  readonly ratio?: number;
  readonly goal: Goal;
  /** Undefined for a printed figure; false when the figure is missing. */
  readonly pass?: boolean;
}

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  /** The counts behind the verdict, e.g. "10000 of 10000 fired, 0 twice". */
  readonly detail: string;
}

export interface BenchResult {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly Row[];
  readonly checks: readonly Check[];
  /** What the reader needs to judge the figures: sizes, caps hit, why a goal was missed. */
  readonly notes: readonly string[];
  readonly seconds: number;
}

/** A goal on the figure itself (≤ 5 ms) shows the baseline for context but no ratio. */
export function row(measure: string, figure: Quantity | undefined, baseline: Quantity | undefined, goal: Goal): Row {
  const comparable = goal.kind !== 'at-most' && goal.kind !== 'at-least';
  const ratio = comparable && figure && baseline && Number.isFinite(figure.value) && Number.isFinite(baseline.value) && baseline.value > 0 ? figure.value / baseline.value : undefined;
  return { measure, ...(figure ? { figure } : {}), ...(baseline ? { baseline } : {}), ...(ratio === undefined ? {} : { ratio }), goal, pass: judge(goal, figure, ratio) };
}

function judge(goal: Goal, figure: Quantity | undefined, ratio: number | undefined): boolean | undefined {
  const value = figure?.value;
  switch (goal.kind) {
    case 'printed':
      return undefined;
    case 'ratio-at-least':
      return ratio !== undefined && ratio >= goal.min;
    case 'ratio-at-most':
      return ratio !== undefined && ratio <= goal.max;
    case 'at-most':
      return value !== undefined && Number.isFinite(value) && value <= goal.max;
    case 'at-least':
      return value !== undefined && Number.isFinite(value) && value >= goal.min;
  }
}

export function check(name: string, ok: boolean, detail: string): Check {
  return { name, ok, detail };
}

/** Checks pass and every judged goal is met. */
export function passed(result: BenchResult): boolean {
  return result.checks.length > 0 && result.checks.every((c) => c.ok) && result.rows.every((r) => r.pass !== false);
}

export function checksPassed(result: BenchResult): boolean {
  return result.checks.length > 0 && result.checks.every((c) => c.ok);
}

export const perSecondOf = (value: number): Quantity => ({ value, unit: '/s' });
export const msOf = (value: number): Quantity => ({ value, unit: 'ms' });
export const mibOf = (value: number): Quantity => ({ value, unit: 'MiB' });
export const timesOf = (value: number): Quantity => ({ value, unit: '×' });
