import { ChartFigure } from './chart-figure';
import type { FiguresTable } from './chart-figures';
import type { ComparedBar } from './kpi-data';

interface Props {
  readonly testId: string;
  readonly title: string;
  readonly bars: readonly ComparedBar[];
  /** The period's and the year-earlier period's names, for the legend. */
  readonly series: readonly [string, string];
  /** The axis's end: 1 for shares; counts scale to their largest value. */
  readonly max?: number;
  readonly valueLabel: (value: number | null) => string;
  readonly figures: FiguresTable;
}

// Both colours contrast with the white background at ≥ 4.5:1 (WCAG 1.4.11 asks 3:1 of graphics).
export const SERIES_COLOURS = ['#005a8c', '#5a6472'] as const;
const WIDTH = 640;
const LABEL = 150;
const VALUE = 70;
const BAR = 14;
const ROW = 2 * BAR + 14;
const TOP = 8;

/**
 * Horizontal bars, a pair per municipality: the period and the same period a year earlier. Bars
 * keep their thickness whatever the count, so one municipality reads as well as forty: the chart
 * grows down, not thinner. A figure not shown draws no bar, only its mark ("<5", "–").
 */
export function ComparisonBarChart({ testId, title, bars, series, max, valueLabel, figures }: Props) {
  const top = max ?? Math.max(1, ...bars.flatMap((bar) => [bar.current ?? 0, bar.previous ?? 0]));
  const plot = WIDTH - LABEL - VALUE;
  const height = TOP * 2 + bars.length * ROW;
  const length = (value: number) => (plot * Math.min(top, Math.max(0, value))) / top;
  return (
    <ChartFigure testId={testId} title={title} width={WIDTH} height={height} legend={series} colours={SERIES_COLOURS} figures={figures}>
      <line x1={LABEL} x2={LABEL} y1={TOP} y2={height - TOP} className="grid" />
      {bars.map((bar, index) => {
        const y = TOP + index * ROW;
        return (
          <g key={bar.name}>
            <text x={LABEL - 6} y={y + BAR + 4} textAnchor="end" className="axis label">
              {bar.name.length > 22 ? `${bar.name.slice(0, 21)}…` : bar.name}
              <title>{bar.name}</title>
            </text>
            {([bar.current, bar.previous] as const).map((value, which) => (
              <g key={which}>
                {value !== null && value > 0 && (
                  <rect x={LABEL} y={y + which * BAR} width={length(value)} height={BAR - 2} fill={SERIES_COLOURS[which]} className="mark" data-testid={`${testId}-bar`}>
                    <title>{`${bar.name} · ${series[which]}: ${valueLabel(value)}`}</title>
                  </rect>
                )}
                <text x={LABEL + (value === null ? 0 : length(value)) + 4} y={y + which * BAR + BAR - 3} className="axis value">
                  {valueLabel(value)}
                </text>
              </g>
            ))}
          </g>
        );
      })}
    </ChartFigure>
  );
}
