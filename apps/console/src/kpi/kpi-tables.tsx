import type { KpiComparison } from '@polku/contracts';
import { DataTable } from '../shell/data-table';
import { useI18n } from '../shell/i18n-context';
import { FIGURES, type Formats } from './kpi-format';

/** The whole area: every figure in the period beside the same period a year earlier, and the change. */
export function KpiAreaTable({ area, format }: { readonly area: KpiComparison; readonly format: Formats }) {
  const { t } = useI18n();
  return (
    <DataTable
      testId="kpi-area-table"
      rowTestId="kpi-area-row"
      caption="kpiAreaTable"
      captionVisible
      columns={[
        { header: 'colFigure', cell: (row) => t(row.label) },
        { header: 'colPeriod', cell: (row) => format.value(row.kind, area.current[row.figure]) },
        { header: 'colPreviousYear', cell: (row) => format.value(row.kind, area.previousYear[row.figure]) },
        { header: 'colChange', cell: (row) => format.change(row.kind, area.change[row.figure]) },
      ]}
      rows={FIGURES}
      rowKey={(row) => row.figure}
      rowAttributes={(row) => ({ 'data-figure': row.figure, 'data-value': format.value(row.kind, area.current[row.figure]) })}
    />
  );
}

/** Each municipality's figures in the period, the change from a year earlier under each. */
export function KpiMunicipalityTable({ rows, format }: { readonly rows: readonly KpiComparison[]; readonly format: Formats }) {
  const cell = (row: KpiComparison, index: number) => {
    const { figure, kind } = FIGURES[index] as (typeof FIGURES)[number];
    return (
      <>
        {format.value(kind, row.current[figure])}
        <span className="change">{format.change(kind, row.change[figure])}</span>
      </>
    );
  };
  return (
    <DataTable
      testId="kpi-table"
      rowTestId="kpi-row"
      caption="kpiMunicipalityTable"
      captionVisible
      columns={[{ header: 'colMunicipality', cell: (row) => row.municipality }, ...FIGURES.map((figure, index) => ({ header: figure.label, cell: (row: KpiComparison) => cell(row, index) }))]}
      rows={rows}
      rowKey={(row) => row.municipality ?? ''}
      rowAttributes={(row) => ({ 'data-municipality': row.municipality ?? '', 'data-exits': format.value('people', row.current.exits), 'data-served': format.value('people', row.current.clientsServed) })}
      empty={{ testId: 'kpis-empty', message: 'noKpis' }}
    />
  );
}
