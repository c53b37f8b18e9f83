import type { KpiMonth } from '@polku/contracts';
import { formatMonth, formatShare } from '../i18n/format';
import { useI18n } from '../shell/i18n-context';

export function KpiTable({ monthly }: { readonly monthly: readonly KpiMonth[] }) {
  const { t, lang } = useI18n();
  const rows = monthly.slice().sort((a, b) => a.month.localeCompare(b.month) || a.municipality.localeCompare(b.municipality));
  return (
    <table className="table" data-testid="kpi-table">
      <caption>{t('kpiTable')}</caption>
      <thead>
        <tr>
          <th>{t('colMonth')}</th>
          <th>{t('colMunicipality')}</th>
          <th>{t('colClientsServed')}</th>
          <th>{t('colNewClients')}</th>
          <th>{t('colActivePaths')}</th>
          <th>{t('colExits')}</th>
          <th>{t('colGoalShare')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.month}|${row.municipality}`} data-testid="kpi-row" data-month={row.month.slice(0, 7)} data-municipality={row.municipality} data-exits={row.exits}>
            <td>{formatMonth(row.month, lang)}</td>
            <td>{row.municipality}</td>
            <td>{row.clientsServed}</td>
            <td>{row.newClients}</td>
            <td>{row.activePaths}</td>
            <td>{row.exits}</td>
            <td>{formatShare(row.goalAttainedShare === null ? null : Number(row.goalAttainedShare), lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
