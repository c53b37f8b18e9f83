import type { PathSummary } from '@polku/contracts';
import { labelOf } from '../i18n/domain-labels';
import { formatDate } from '../i18n/format';
import { hrefFor } from '../routing/routes';
import { DataTable, type Column } from '../shell/data-table';
import { useI18n } from '../shell/i18n-context';

export function PathsTable({ items }: { readonly items: readonly PathSummary[] }) {
  const { t, dict, lang } = useI18n();
  const columns: readonly Column<PathSummary>[] = [
    { header: 'colStage', cell: (path) => labelOf(dict.options, path.stage), cellAttributes: (path) => ({ 'data-stage': path.stage }) },
    { header: 'colStatus', cell: (path) => dict.options[path.status] ?? path.status, cellAttributes: (path) => ({ 'data-status': path.status }) },
    { header: 'colMunicipality', cell: (path) => path.municipality },
    { header: 'colRegistered', cell: (path) => formatDate(path.registeredOn, lang) },
    { header: 'colCoach', cell: (path) => path.coachId },
    {
      header: 'colPath',
      cell: (path) => (
        <a href={hrefFor({ page: 'path', pathId: path.pathId })} data-testid="paths-open">
          {t('open')}
        </a>
      ),
    },
  ];
  return (
    <DataTable
      testId="paths-table"
      caption="navCaseload"
      rowTestId="paths-row"
      columns={columns}
      rows={items}
      rowKey={(path) => path.pathId}
      rowAttributes={(path) => ({ 'data-path-id': path.pathId })}
      empty={{ testId: 'paths-empty', message: 'noPaths' }}
    />
  );
}
