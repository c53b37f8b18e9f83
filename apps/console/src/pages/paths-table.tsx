import type { PathSummary } from '@polku/contracts';
import { labelOf } from '../i18n/domain-labels';
import { formatDate } from '../i18n/format';
import { hrefFor } from '../routing/routes';
import { useI18n } from '../shell/i18n-context';

export function PathsTable({ items }: { readonly items: readonly PathSummary[] }) {
  const { t, dict, lang } = useI18n();
  if (items.length === 0) return <p data-testid="paths-empty">{t('noPaths')}</p>;
  return (
    <table className="table" data-testid="paths-table">
      <thead>
        <tr>
          <th>{t('colStage')}</th>
          <th>{t('colStatus')}</th>
          <th>{t('colMunicipality')}</th>
          <th>{t('colRegistered')}</th>
          <th>{t('colCoach')}</th>
          <th>{t('colPath')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((path) => (
          <tr key={path.pathId} data-testid="paths-row" data-path-id={path.pathId}>
            <td data-stage={path.stage}>{labelOf(dict.options, path.stage)}</td>
            <td data-status={path.status}>{dict.options[path.status] ?? path.status}</td>
            <td>{path.municipality}</td>
            <td>{formatDate(path.registeredOn, lang)}</td>
            <td>{path.coachId}</td>
            <td>
              <a href={hrefFor({ page: 'path', pathId: path.pathId })} data-testid="paths-open">
                {t('open')}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
