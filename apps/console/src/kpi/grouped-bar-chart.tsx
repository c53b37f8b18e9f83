import { ChartFigure } from './chart-figure';
import type { FiguresTable } from './chart-figures';
import type { GroupedBars } from './kpi-data';
import { colourAt } from './palette';

interface Props {
  readonly testId: string;
  readonly title: string;
  readonly data: GroupedBars;
  readonly groupLabel: (group: string) => string;
  readonly valueLabel: (value: number) => string;
  readonly figures: FiguresTable;
}

const HEIGHT = 220;
const TOP = 10;
const BOTTOM = 30;
const LEFT = 48;
const BAR = 14;
const GAP = 18;

/** Bars of a share (0–1) per group (month), one bar per series (municipality). */
export function GroupedBarChart({ testId, title, data, groupLabel, valueLabel, figures }: Props) {
  const groupWidth = Math.max(1, data.series.length) * BAR + GAP;
  const width = LEFT + data.groups.length * groupWidth + GAP;
  const plot = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + plot * (1 - Math.min(1, Math.max(0, value)));
  return (
    <ChartFigure testId={testId} title={title} width={width} height={HEIGHT} legend={data.series.map((series) => series.name)} figures={figures}>
      {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={width} y1={y(tick)} y2={y(tick)} className="grid" />
          <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" className="axis">
            {valueLabel(tick)}
          </text>
        </g>
      ))}
      {data.groups.map((group, groupIndex) => {
        const x0 = LEFT + GAP / 2 + groupIndex * groupWidth;
        return (
          <g key={group}>
            {data.series.map((series, seriesIndex) => {
              const value = series.values[groupIndex];
              if (value === null || value === undefined) return null;
              return (
                <rect key={series.name} x={x0 + seriesIndex * BAR} y={y(value)} width={BAR - 2} height={TOP + plot - y(value)} fill={colourAt(seriesIndex)} className="mark" data-testid={`${testId}-bar`}>
                  <title>{`${series.name} ${groupLabel(group)}: ${valueLabel(value)}`}</title>
                </rect>
              );
            })}
            <text x={x0 + (groupWidth - GAP) / 2} y={HEIGHT - 10} textAnchor="middle" className="axis">
              {groupLabel(group)}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
