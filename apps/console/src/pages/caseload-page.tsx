import { useState } from 'react';
import type { PathFilters } from '../api/staff-api';
import { FieldsForm } from '../forms/fields-form';
import { PATH_FILTERS_FORM } from '../forms/page-forms';
import { ErrorBox } from '../shell/error-box';
import { useI18n } from '../shell/i18n-context';
import { PageHeading } from '../shell/page-heading';
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
      <PageHeading>{t(mode === 'mine' ? 'caseloadMine' : 'caseloadAll')}</PageHeading>
      {isCoach && (
        <div className="tabs" role="group" aria-label={t('caseloadView')}>
          {(['mine', 'all'] as const).map((option) => (
            <button key={option} type="button" className={option === mode ? 'active' : ''} aria-pressed={option === mode} data-testid={`caseload-mode-${option}`} onClick={() => setMode(option)}>
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
        <ErrorBox testId="paths-error" error={paths.error} />
      )}
      {paths.loading && paths.items.length === 0 ? <p role="status">{t('loading')}</p> : <PathsTable items={paths.items} />}
      {paths.nextCursor && (
        <button type="button" data-testid="paths-more" onClick={() => void paths.more()}>
          {t('loadMore')}
        </button>
      )}
    </section>
  );
}
