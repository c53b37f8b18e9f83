/** A figure measured for both sources in the same run. */
export interface Compared {
  readonly figure: string;
  readonly a: number;
  readonly b: number;
  readonly unit: '/s' | 'ms';
  /** b ÷ a as the median of each round's own ratio, where the figure was measured in paired rounds. */
  readonly pairedRatio?: number;
}

/** The median of a few rounds: one round disturbed by the machine's other load does not decide. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

const shown = (value: number, unit: Compared['unit']): string => (unit === '/s' ? `${Math.round(value).toLocaleString('en-US')}/s` : `${value.toFixed(1)} ms`);

/**
 * The markdown table: figure, a, b (medians of the rounds), and b ÷ a (above 1: b is faster for
 * /s, slower for ms), taken round by round where there were rounds: a and b ran back to back in
 * each, so the machine's other load shifts both, and their ratio is steadier than either figure.
 */
export function comparisonTable(rows: readonly Compared[]): string[] {
  return [
    '| figure | a: outbox rows | b: events by checkpoint | b ÷ a |',
    '|---|---:|---:|---:|',
    ...rows.map((row) => `| ${row.figure} | ${shown(row.a, row.unit)} | ${shown(row.b, row.unit)} | ${ratioOf(row)} |`),
  ];
}

function ratioOf(row: Compared): string {
  const ratio = row.pairedRatio ?? row.b / row.a;
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—';
}
