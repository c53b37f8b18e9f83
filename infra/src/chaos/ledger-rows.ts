import type { StoredRow } from './expectations';

/** Rows (in stream, version order) by stream id. */
export function groupByStream(rows: readonly StoredRow[]): Map<string, StoredRow[]> {
  const streams = new Map<string, StoredRow[]>();
  for (const row of rows) {
    const stream = streams.get(row.streamId);
    if (stream) stream.push(row);
    else streams.set(row.streamId, [row]);
  }
  return streams;
}
