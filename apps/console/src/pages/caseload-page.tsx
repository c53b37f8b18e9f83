import { useState } from 'react';
import type { PathFilters } from '../api/staff-api';
import { FieldsForm } from '../forms/fields-form';
import { PATH_FILTERS_FORM } from '../forms/page-forms';
import { useI18n } from '../shell/i18n-context';
import { useSession } from '../shell/session-context';
import { PathsTable } from './paths-table';
import { usePagedPaths, type ListMode } from './use-paged-paths';

/** A coach's own caseload, or the area's paths with filters (every role). */
export function CaseloadPage() {
  const { t } = useI18n();
  const { api, session } = useSession();
  const isCoach = session?.me.role === 'coach';
  const [mode, setMode] = useState<ListMode>(isCoach ? 'mine' : 'all');
  const [filters, setFilters] = useState<PathFilters>({});
  const paths = usePagedPaths(api, mode, filters);
  return (
    <section className="page" data-testid="page-caseload" data-mode={mode}>
      <h1>{t(mode === 'mine' ? 'caseloadMine' : 'caseloadAll')}</h1>
      {isCoach && (
        <div className="tabs">
          {(['mine', 'all'] as const).map((option) => (
            <button key={option} type="button" className={option === mode ? 'active' : ''} data-testid={`caseload-mode-${option}`} onClick={() => setMode(option)}>
              {t(option === 'mine' ? 'caseloadMine' : 'caseloadAll')}
            </button>
          ))}
        </div>
      )}
      {mode === 'all' && (
        <FieldsForm
          id="filters"
          className="inline"
          form={PATH_FILTERS_FORM}
          submitLabel={t('filter')}
          onSubmit={async (body) => {
            setFilters(body as PathFilters);
            return null;
          }}
        />
      )}
      {paths.error && (
        <div className="error-summary" role="alert" data-testid="paths-error">
          <code>{paths.error.code}</code> {paths.error.message}
        </div>
      )}
      {paths.loading && paths.items.length === 0 ? <p>{t('loading')}</p> : <PathsTable items={paths.items} />}
      {paths.nextCursor && (
        <button type="button" data-testid="paths-more" onClick={() => void paths.more()}>
          {t('loadMore')}
        </button>
      )}
    </section>
  );
}
