import type { KpiMonth } from '@polku/contracts';
import { formatMonth, formatShare } from '../i18n/format';
import { DataTable, type Column } from '../shell/data-table';
import { useI18n } from '../shell/i18n-context';

export function KpiTable({ monthly }: { readonly monthly: readonly KpiMonth[] }) {
  const { lang } = useI18n();
  const columns: readonly Column<KpiMonth>[] = [
    { header: 'colMonth', cell: (row) => formatMonth(row.month, lang) },
    { header: 'colMunicipality', cell: (row) => row.municipality },
    { header: 'colClientsServed', cell: (row) => row.clientsServed },
    { header: 'colNewClients', cell: (row) => row.newClients },
    { header: 'colActivePaths', cell: (row) => row.activePaths },
    { header: 'colExits', cell: (row) => row.exits },
    { header: 'colGoalShare', cell: (row) => formatShare(row.goalAttainedShare === null ? null : Number(row.goalAttainedShare), lang) },
  ];
  const rows = monthly.slice().sort((a, b) => a.month.localeCompare(b.month) || a.municipality.localeCompare(b.municipality));
  return (
    <DataTable
      testId="kpi-table"
      rowTestId="kpi-row"
      caption="kpiTable"
      columns={columns}
      rows={rows}
      rowKey={(row) => `${row.month}|${row.municipality}`}
      rowAttributes={(row) => ({ 'data-month': row.month.slice(0, 7), 'data-municipality': row.municipality, 'data-exits': row.exits })}
    />
  );
}
