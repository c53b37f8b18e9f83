import type { KpiQuery } from '@polku/contracts';
import { useMemo, useState } from 'react';
import { FieldsForm } from '../forms/fields-form';
import { KPI_FILTERS_FORM } from '../forms/page-forms';
import { formatMonth, formatShare } from '../i18n/format';
import { useI18n } from '../shell/i18n-context';
import { useSession } from '../shell/session-context';
import { useLoad } from '../shell/use-load';
import { GroupedBarChart } from './grouped-bar-chart';
import { exitStacks, goalShareBars, outcomesIn } from './kpi-data';
import { KpiTable } from './kpi-table';
import { StackedBarChart } from './stacked-bar-chart';

/** Outcome KPIs of the user's employment area (DOMAIN.md "Outcome KPIs"). */
export function KpiPage() {
  const { t, dict, lang } = useI18n();
  const { api } = useSession();
  const [query, setQuery] = useState<KpiQuery>({});
  const { loaded, reload } = useLoad(() => api.kpis(query), JSON.stringify(query));
  const charts = useMemo(() => {
    if (loaded.state !== 'ok') return null;
    const stacks = exitStacks(loaded.data.exitsByOutcome);
    return { share: goalShareBars(loaded.data.monthly), stacks, outcomes: outcomesIn(stacks) };
  }, [loaded]);
  return (
    <section className="page" data-testid="page-kpis">
      <div className="title-row">
        <h1>{t('kpisTitle')}</h1>
        <button type="button" data-testid="kpis-refresh" onClick={() => void reload()}>
          {t('refresh')}
        </button>
      </div>
      <FieldsForm
        id="kpi-filters"
        className="inline"
        form={KPI_FILTERS_FORM}
        submitLabel={t('filter')}
        onSubmit={async (body) => {
          setQuery(body as KpiQuery);
          return null;
        }}
      />
      {loaded.state === 'loading' && <p>{t('loading')}</p>}
      {loaded.state === 'error' && (
        <div className="error-summary" role="alert" data-testid="kpis-error">
          <code>{loaded.error.code}</code> {loaded.error.message}
        </div>
      )}
      {loaded.state === 'ok' && charts && loaded.data.monthly.length === 0 && <p data-testid="kpis-empty">{t('noKpis')}</p>}
      {loaded.state === 'ok' && charts && loaded.data.monthly.length > 0 && (
        <>
          <GroupedBarChart testId="kpi-goal-chart" title={t('goalShareChart')} data={charts.share} groupLabel={(month) => formatMonth(month, lang)} valueLabel={(value) => formatShare(value, lang)} />
          <StackedBarChart
            testId="kpi-exits-chart"
            title={t('exitsChart')}
            stacks={charts.stacks}
            outcomes={charts.outcomes}
            outcomeLabel={(outcome) => dict.options[outcome]}
            barLabel={(stack) => formatMonth(stack.month, lang)}
            suppressed={{ mark: t('suppressedCount'), meaning: t('suppressedOutcomes') }}
          />
          <KpiTable monthly={loaded.data.monthly} />
          <p className="hint" data-testid="kpi-small-cells">
            {t('kpiSmallCells')}
          </p>
        </>
      )}
    </section>
  );
}
