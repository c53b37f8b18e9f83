import { useId, type ReactNode } from 'react';
import { ScrollBox } from '../shell/scroll-box';
import { useI18n } from '../shell/i18n-context';
import type { FiguresTable } from './chart-figures';
import { colourAt } from './palette';

interface Props {
  readonly testId: string;
  readonly title: string;
  readonly width: number;
  readonly height: number;
  /** The i-th name is drawn in `colourAt(i)`, so a chart colours its marks by the same index. */
  readonly legend: readonly string[];
  /** The legend's colours, when not the palette's in order. */
  readonly colours?: readonly string[];
  /** The figures drawn, as a table: the chart's text alternative. */
  readonly figures: FiguresTable;
  readonly children: ReactNode;
}

/**
 * A captioned SVG chart. Screen readers get its title as the name and its figures table as the
 * description (WCAG 1.1.1); anyone can open the same table under it, so no number is told by
 * colour or bar height alone (WCAG 1.4.1). The SVG scales down to a narrow screen (WCAG 1.4.10).
 */
export function ChartFigure({ testId, title, width, height, legend, colours, figures, children }: Props) {
  const captionId = useId();
  const tableId = useId();
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption id={captionId}>{title}</figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={captionId} aria-describedby={tableId}>
        {children}
      </svg>
      <ul className="legend">
        {legend.map((name, index) => (
          <li key={name}>
            <span className="swatch" style={{ background: colours?.[index] ?? colourAt(index) }} />
            {name}
          </li>
        ))}
      </ul>
      <FiguresDetails id={tableId} title={title} figures={figures} testId={`${testId}-figures`} />
    </figure>
  );
}

function FiguresDetails({ id, title, figures, testId }: { readonly id: string; readonly title: string; readonly figures: FiguresTable; readonly testId: string }) {
  const { t } = useI18n();
  return (
    <details className="chart-data">
      <summary data-testid={`${testId}-open`}>{t('chartFigures')}</summary>
      <ScrollBox>
        {(captionId) => (
          <table className="table" id={id} data-testid={testId}>
            <caption id={captionId} className="visually-hidden">
              {title}
            </caption>
            <thead>
              <tr>
                {figures.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figures.rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, index) => (
                    <td key={figures.columns[index]}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ScrollBox>
    </details>
  );
}
