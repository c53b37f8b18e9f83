import type { KpiQueryParams, KpiReport } from '@polku/contracts';
import { useMemo, useState } from 'react';
import { FieldsForm } from '../forms/fields-form';
import { EXIT_OUTCOMES } from '../forms/options';
import { KPI_FILTERS_FORM } from '../forms/page-forms';
import { formatDate, formatInstant } from '../i18n/format';
import { ErrorBox } from '../shell/error-box';
import { useI18n } from '../shell/i18n-context';
import { PageHeading } from '../shell/page-heading';
import { useSession } from '../shell/session-context';
import { useLoad } from '../shell/use-load';
import { comparedFigures, exitFigures } from './chart-figures';
import { ComparisonBarChart } from './comparison-bar-chart';
import { KpiExport } from './kpi-export';
import { comparedBars, exitStacks, outcomesIn, type ComparedFigure } from './kpi-data';
import { formats } from './kpi-format';
import { KpiAreaTable, KpiMunicipalityTable } from './kpi-tables';
import { StackedBarChart } from './stacked-bar-chart';

/** Outcome KPIs of the user's employment area over any period (DOMAIN.md "Outcome KPIs", docs/reporting.md). */
export function KpiPage() {
  const { t, lang } = useI18n();
  const { api } = useSession();
  const [query, setQuery] = useState<KpiQueryParams>({});
  const { loaded, reload } = useLoad(() => api.kpis(query), JSON.stringify(query));
  return (
    <section className="page" data-testid="page-kpis">
      <div className="title-row">
        <PageHeading>{t('kpisTitle')}</PageHeading>
        <button type="button" data-testid="kpis-refresh" onClick={() => void reload()}>
          {t('refresh')}
        </button>
        <KpiExport query={query} />
      </div>
      <FieldsForm
        id="kpi-filters"
        className="inline"
        form={KPI_FILTERS_FORM}
        submitLabel={t('filter')}
        onSubmit={async (body) => {
          setQuery(body as KpiQueryParams);
          return null;
        }}
      />
      {loaded.state === 'loading' && <p role="status">{t('loading')}</p>}
      {loaded.state === 'error' && <ErrorBox testId="kpis-error" error={loaded.error} />}
      {loaded.state === 'ok' && <KpiAnswer report={loaded.data} />}
      <p className="hint" data-testid="kpi-small-cells">
        {t('kpiSmallCells')} {t('kpiNotShown')}
      </p>
      {loaded.state === 'ok' && <p className="hint">{`${t('generatedAt')} ${formatInstant(loaded.data.generatedAt, lang)}`}</p>}
    </section>
  );
}

function KpiAnswer({ report }: { readonly report: KpiReport }) {
  const { t, dict, lang } = useI18n();
  const format = useMemo(() => formats(lang, t('suppressedCount'), t('percentagePoints')), [lang, t]);
  const span = (period: { from: string; to: string }) => `${formatDate(period.from, lang)}–${formatDate(period.to, lang)}`;
  const series = [span(report.period), span(report.previousYearPeriod)] as const;
  const stacks = exitStacks(report.municipalities);
  const chart = (figure: ComparedFigure, kind: 'people' | 'share' | 'days') => {
    const bars = comparedBars(report.municipalities, figure);
    return {
      bars,
      valueLabel: (value: number | null) => format.value(kind, value),
      figures: comparedFigures(bars, {
        columns: [t('colMunicipality'), series[0], series[1], t('colChange')],
        value: (value) => format.value(kind, value),
        change: (value) => format.change(kind, value),
      }),
    };
  };
  const served = chart('clientsServed', 'people');
  const goal = chart('goalAttainedShare', 'share');
  const rehab = chart('rehabDays', 'days');
  return (
    <div data-testid="kpi-answer" data-segment={report.segment}>
      <p data-testid="kpi-period">
        <strong>{span(report.period)}</strong> {t('comparedWith')} {span(report.previousYearPeriod)} · {t('kpiSegment')}: {dict.options[report.segment]}
        {report.asOf && ` · ${t('asRecordedBy')} ${formatDate(report.asOf, lang)}`}
      </p>
      <KpiAreaTable area={report.area} format={format} />
      {report.municipalities.length > 0 && (
        <>
          <ComparisonBarChart testId="kpi-served-chart" title={t('servedChart')} series={series} {...served} />
          <ComparisonBarChart testId="kpi-goal-chart" title={t('goalShareChart')} series={series} max={1} {...goal} />
          <StackedBarChart
            testId="kpi-exits-chart"
            title={t('exitsChart')}
            stacks={stacks}
            outcomes={outcomesIn(stacks)}
            outcomeLabel={(outcome) => dict.options[outcome]}
            suppressed={{ mark: t('suppressedCount'), meaning: t('suppressedOutcomes') }}
            figures={exitFigures(stacks, EXIT_OUTCOMES, { municipality: t('colMunicipality'), outcome: (outcome) => dict.options[outcome], suppressed: t('suppressedCount') })}
          />
          <ComparisonBarChart testId="kpi-rehab-chart" title={t('rehabChart')} series={series} {...rehab} />
          <p className="hint">{report.rehabMonths ? `${t('rehabMonths')} ${report.rehabMonths.from} – ${report.rehabMonths.to}.` : t('rehabNoMonths')}</p>
        </>
      )}
      <KpiMunicipalityTable rows={report.municipalities} format={format} />
    </div>
  );
}
