import type { KpiMonth } from '@polku/contracts';
import { formatMonth, formatShare } from '../i18n/format';
import { DataTable, type Column } from '../shell/data-table';
import { useI18n } from '../shell/i18n-context';
import { countLabel } from './kpi-data';

/** Monthly figures as the API published them: a suppressed count reads "<5", a hidden share "–". */
export function KpiTable({ monthly }: { readonly monthly: readonly KpiMonth[] }) {
  const { t, lang } = useI18n();
  const count = (value: number | null) => countLabel(value, t('suppressedCount'));
  const columns: readonly Column<KpiMonth>[] = [
    { header: 'colMonth', cell: (row) => formatMonth(row.month, lang) },
    { header: 'colMunicipality', cell: (row) => row.municipality },
    { header: 'colClientsServed', cell: (row) => count(row.clientsServed) },
    { header: 'colNewClients', cell: (row) => count(row.newClients) },
    { header: 'colActivePaths', cell: (row) => count(row.activePaths) },
    { header: 'colExits', cell: (row) => count(row.exits) },
    { header: 'colGoalShare', cell: (row) => formatShare(row.goalAttainedShare === null ? null : Number(row.goalAttainedShare), lang) },
  ];
  const rows = monthly.slice().sort((a, b) => a.month.localeCompare(b.month) || a.municipality.localeCompare(b.municipality));
  return (
    <DataTable
      testId="kpi-table"
      rowTestId="kpi-row"
      caption="kpiTable"
      captionVisible
      columns={columns}
      rows={rows}
      rowKey={(row) => `${row.month}|${row.municipality}`}
      rowAttributes={(row) => ({ 'data-month': row.month.slice(0, 7), 'data-municipality': row.municipality, 'data-exits': count(row.exits) })}
    />
  );
}
