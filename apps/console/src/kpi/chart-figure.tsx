import type { ReactNode } from 'react';
import { colourAt } from './palette';

interface Props {
  readonly testId: string;
  readonly title: string;
  readonly width: number;
  readonly height: number;
  /** The i-th name is drawn in `colourAt(i)`, so a chart colours its marks by the same index. */
  readonly legend: readonly string[];
  readonly children: ReactNode;
}

/** A captioned SVG chart, labelled for screen readers by its title, with a colour legend below. */
export function ChartFigure({ testId, title, width, height, legend, children }: Props) {
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg width={width} height={height} role="img" aria-label={title}>
        {children}
      </svg>
      <ul className="legend">
        {legend.map((name, index) => (
          <li key={name}>
            <span className="swatch" style={{ background: colourAt(index) }} />
            {name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
