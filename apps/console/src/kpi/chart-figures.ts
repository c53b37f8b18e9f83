import type { ExitOutcome } from '@polku/domain';
import type { GroupedBars, Stack } from './kpi-data';

/** A chart's figures as a table: its text alternative (WCAG 1.1.1), with the same numbers drawn. */
export interface FiguresTable {
  readonly columns: readonly string[];
  readonly rows: readonly { readonly key: string; readonly cells: readonly string[] }[];
}

interface GoalShareLabels {
  readonly month: string;
  readonly monthLabel: (month: string) => string;
  readonly share: (value: number) => string;
  /** A hidden share (too few people) or a month without clients. */
  readonly none: string;
}

/** A row per month, a column per municipality: the goal-attained share each bar shows. */
export function goalShareFigures(data: GroupedBars, labels: GoalShareLabels): FiguresTable {
  return {
    columns: [labels.month, ...data.series.map((series) => series.name)],
    rows: data.groups.map((group, index) => ({
      key: group,
      cells: [labels.monthLabel(group), ...data.series.map((series) => shareCell(series.values[index], labels))],
    })),
  };
}

function shareCell(value: number | null | undefined, labels: GoalShareLabels): string {
  return value === null || value === undefined ? labels.none : labels.share(value);
}

interface ExitLabels {
  readonly municipality: string;
  readonly month: string;
  readonly monthLabel: (month: string) => string;
  readonly outcome: (outcome: ExitOutcome) => string;
  /** What a suppressed count reads as ("<5"), never a number. */
  readonly suppressed: string;
}

/** A row per bar (municipality and month), a column per outcome drawn or suppressed anywhere. */
export function exitFigures(stacks: readonly Stack[], order: readonly ExitOutcome[], labels: ExitLabels): FiguresTable {
  const shown = new Set(stacks.flatMap((stack) => [...stack.segments.map((segment) => segment.outcome), ...stack.suppressed]));
  const outcomes = order.filter((outcome) => shown.has(outcome));
  return {
    columns: [labels.municipality, labels.month, ...outcomes.map(labels.outcome)],
    rows: stacks.map((stack) => ({
      key: `${stack.month}|${stack.municipality}`,
      cells: [stack.municipality, labels.monthLabel(stack.month), ...outcomes.map((outcome) => exitCell(stack, outcome, labels.suppressed))],
    })),
  };
}

function exitCell(stack: Stack, outcome: ExitOutcome, suppressed: string): string {
  if (stack.suppressed.includes(outcome)) return suppressed;
  return String(stack.segments.find((segment) => segment.outcome === outcome)?.exits ?? 0);
}
