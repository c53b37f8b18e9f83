import type { ExitOutcome } from '@polku/domain';
import type { ComparedBar, Stack } from './kpi-data';

/** A chart's figures as a table: its text alternative (WCAG 1.1.1), with the same numbers drawn. */
export interface FiguresTable {
  readonly columns: readonly string[];
  readonly rows: readonly { readonly key: string; readonly cells: readonly string[] }[];
}

interface ComparedLabels {
  /** Municipality, the period, a year earlier, the change. */
  readonly columns: readonly [string, string, string, string];
  /** A value as shown; null: not shown ("<5" for people, "–" for a share). */
  readonly value: (value: number | null) => string;
  readonly change: (value: number | null) => string;
}

/** A row per municipality: the period, a year earlier and the change, as the bars show them. */
export function comparedFigures(bars: readonly ComparedBar[], labels: ComparedLabels): FiguresTable {
  return {
    columns: labels.columns,
    rows: bars.map((bar) => ({ key: bar.name, cells: [bar.name, labels.value(bar.current), labels.value(bar.previous), labels.change(bar.change)] })),
  };
}

interface ExitLabels {
  readonly municipality: string;
  readonly outcome: (outcome: ExitOutcome) => string;
  /** What a suppressed count reads as ("<5"), never a number. */
  readonly suppressed: string;
}

/** A row per bar (municipality), a column per outcome drawn or suppressed anywhere. */
export function exitFigures(stacks: readonly Stack[], order: readonly ExitOutcome[], labels: ExitLabels): FiguresTable {
  const shown = new Set(stacks.flatMap((stack) => [...stack.segments.map((segment) => segment.outcome), ...stack.suppressed]));
  const outcomes = order.filter((outcome) => shown.has(outcome));
  return {
    columns: [labels.municipality, ...outcomes.map(labels.outcome)],
    rows: stacks.map((stack) => ({ key: stack.municipality, cells: [stack.municipality, ...outcomes.map((outcome) => exitCell(stack, outcome, labels.suppressed))] })),
  };
}

function exitCell(stack: Stack, outcome: ExitOutcome, suppressed: string): string {
  if (stack.suppressed.includes(outcome)) return suppressed;
  return String(stack.segments.find((segment) => segment.outcome === outcome)?.exits ?? 0);
}
