import type { ReactNode } from 'react';
import type { UiKey } from '../i18n/ui.fi';
import { useI18n } from './i18n-context';
import { ScrollBox } from './scroll-box';

/** `data-*` attributes the browser tests select rows and cells by. */
export type DataAttributes = { readonly [name: `data-${string}`]: string | number | undefined };

export interface Column<Row> {
  /** Also the column's React key: a table names each header once. */
  readonly header: UiKey;
  readonly cell: (row: Row) => ReactNode;
  readonly cellAttributes?: (row: Row) => DataAttributes;
}

interface Props<Row> {
  readonly testId: string;
  readonly rowTestId: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string | number;
  readonly rowAttributes?: (row: Row) => DataAttributes & { readonly className?: string };
  /** Names the table for screen readers; shown only when no heading above already says it. */
  readonly caption: UiKey;
  readonly captionVisible?: boolean;
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  readonly empty?: { readonly testId: string; readonly message: UiKey };
}

/** A captioned table with translated headers, one row per item, and test ids on the table and its rows. */
export function DataTable<Row>({ testId, rowTestId, columns, rows, rowKey, rowAttributes, caption, captionVisible = false, empty }: Props<Row>) {
  const { t } = useI18n();
  if (empty && rows.length === 0) return <p data-testid={empty.testId}>{t(empty.message)}</p>;
  return (
    <ScrollBox>
      {(captionId) => (
        <table className="table" data-testid={testId}>
          <caption id={captionId} className={captionVisible ? undefined : 'visually-hidden'}>
            {t(caption)}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col">
                  {t(column.header)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} data-testid={rowTestId} {...rowAttributes?.(row)}>
                {columns.map((column) => (
                  <td key={column.header} {...column.cellAttributes?.(row)}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ScrollBox>
  );
}
