import type { ExitOutcome } from '@polku/domain';
import { ChartFigure } from './chart-figure';
import type { FiguresTable } from './chart-figures';
import type { Stack } from './kpi-data';
import { colourAt } from './palette';

interface Props {
  readonly testId: string;
  readonly title: string;
  readonly stacks: readonly Stack[];
  readonly outcomes: readonly ExitOutcome[];
  readonly outcomeLabel: (outcome: ExitOutcome) => string;
  /** Drawn over a bar with suppressed outcomes ("<5"), and what it means, for its tooltip. */
  readonly suppressed: { readonly mark: string; readonly meaning: string };
  readonly figures: FiguresTable;
}

const HEIGHT = 240;
const TOP = 10;
const BOTTOM = 44;
const LEFT = 36;
const BAR = 26;
const GAP = 46;

/**
 * Exits per municipality, one segment per published outcome. Suppressed outcomes get a "<5"
 * mark, no segment: the bar shows only numbers the API published. A bar keeps its width however
 * few or many municipalities there are; the chart grows wider and scrolls on a narrow screen.
 */
export function StackedBarChart({ testId, title, stacks, outcomes, outcomeLabel, suppressed, figures }: Props) {
  const max = Math.max(1, ...stacks.map((stack) => stack.total));
  const plot = HEIGHT - TOP - BOTTOM;
  const scale = (count: number) => (plot * count) / max;
  const width = LEFT + stacks.length * (BAR + GAP) + GAP;
  const colourOf = (outcome: ExitOutcome) => colourAt(outcomes.indexOf(outcome));
  return (
    <ChartFigure testId={testId} title={title} width={width} height={HEIGHT} legend={outcomes.map(outcomeLabel)} figures={figures}>
      <line x1={LEFT} x2={width} y1={TOP + plot} y2={TOP + plot} className="grid" />
      <text x={LEFT - 6} y={TOP + 8} textAnchor="end" className="axis">
        {max}
      </text>
      {stacks.map((stack, index) => {
        const x = LEFT + GAP / 2 + index * (BAR + GAP);
        let base = TOP + plot;
        return (
          <g key={stack.municipality}>
            {stack.segments.map((segment) => {
              base -= scale(segment.exits);
              return (
                <rect key={segment.outcome} x={x} y={base} width={BAR} height={scale(segment.exits)} fill={colourOf(segment.outcome)} className="mark" data-testid={`${testId}-segment`}>
                  <title>{`${stack.municipality} · ${outcomeLabel(segment.outcome)}: ${segment.exits}`}</title>
                </rect>
              );
            })}
            {stack.suppressed.length > 0 && (
              <text x={x + BAR / 2} y={base - 4} textAnchor="middle" className="axis" data-testid={`${testId}-suppressed`}>
                {suppressed.mark}
                <title>{`${stack.municipality} · ${stack.suppressed.map(outcomeLabel).join(', ')}: ${suppressed.meaning}`}</title>
              </text>
            )}
            <text x={x + BAR / 2} y={HEIGHT - 20} textAnchor="middle" className="axis">
              {stack.municipality.length > 10 ? `${stack.municipality.slice(0, 9)}…` : stack.municipality}
              <title>{stack.municipality}</title>
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
