import type { KpiQueryParams } from '@polku/contracts';
import { useState } from 'react';
import { useI18n } from '../shell/i18n-context';
import { useSession } from '../shell/session-context';

/**
 * Downloads the answer of the current query as CSV (`GET /kpis/export.csv`): fetched with the
 * session's token like every call, then handed to the browser as a file.
 */
export function KpiExport({ query }: { readonly query: KpiQueryParams }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [failed, setFailed] = useState(false);
  const download = async () => {
    const answer = await api.kpisCsv(query);
    setFailed(!answer.ok);
    if (!answer.ok) return;
    const url = URL.createObjectURL(new Blob([answer.data], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `kpis_${query.from ?? ''}_${query.to ?? ''}_${(query.segment ?? 'all').replace(':', '-')}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <button type="button" data-testid="kpis-export" onClick={() => void download()}>
        {t('exportCsv')}
      </button>
      {failed && (
        <span role="alert" className="field-error">
          {t('exportFailed')}
        </span>
      )}
    </>
  );
}
