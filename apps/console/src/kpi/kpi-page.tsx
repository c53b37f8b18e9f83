import type { KpiQuery } from '@polku/contracts';
import { useMemo, useState } from 'react';
import { FieldsForm } from '../forms/fields-form';
import { EXIT_OUTCOMES } from '../forms/options';
import { KPI_FILTERS_FORM } from '../forms/page-forms';
import { formatMonth, formatShare } from '../i18n/format';
import { ErrorBox } from '../shell/error-box';
import { useI18n } from '../shell/i18n-context';
import { PageHeading } from '../shell/page-heading';
import { useSession } from '../shell/session-context';
import { useLoad } from '../shell/use-load';
import { GroupedBarChart } from './grouped-bar-chart';
import { exitFigures, goalShareFigures } from './chart-figures';
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
    const share = goalShareBars(loaded.data.monthly);
    const monthLabel = (month: string) => formatMonth(month, lang);
    return {
      share,
      stacks,
      outcomes: outcomesIn(stacks),
      shareFigures: goalShareFigures(share, { month: t('colMonth'), monthLabel, share: (value) => formatShare(value, lang), none: formatShare(null, lang) }),
      exitFigures: exitFigures(stacks, EXIT_OUTCOMES, { municipality: t('colMunicipality'), month: t('colMonth'), monthLabel, outcome: (outcome) => dict.options[outcome], suppressed: t('suppressedCount') }),
    };
  }, [loaded, lang, t, dict]);
  return (
    <section className="page" data-testid="page-kpis">
      <div className="title-row">
        <PageHeading>{t('kpisTitle')}</PageHeading>
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
      {loaded.state === 'loading' && <p role="status">{t('loading')}</p>}
      {loaded.state === 'error' && (
        <ErrorBox testId="kpis-error" error={loaded.error} />
      )}
      {loaded.state === 'ok' && charts && loaded.data.monthly.length === 0 && <p data-testid="kpis-empty">{t('noKpis')}</p>}
      {loaded.state === 'ok' && charts && loaded.data.monthly.length > 0 && (
        <>
          <GroupedBarChart
            testId="kpi-goal-chart"
            title={t('goalShareChart')}
            data={charts.share}
            groupLabel={(month) => formatMonth(month, lang)}
            valueLabel={(value) => formatShare(value, lang)}
            figures={charts.shareFigures}
          />
          <StackedBarChart
            testId="kpi-exits-chart"
            title={t('exitsChart')}
            stacks={charts.stacks}
            outcomes={charts.outcomes}
            outcomeLabel={(outcome) => dict.options[outcome]}
            barLabel={(stack) => formatMonth(stack.month, lang)}
            suppressed={{ mark: t('suppressedCount'), meaning: t('suppressedOutcomes') }}
            figures={charts.exitFigures}
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
