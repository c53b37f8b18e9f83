import type { TimelineEntry } from '@polku/contracts';
import { labelOf } from '../i18n/domain-labels';
import { formatInstant } from '../i18n/format';
import { DataTable, type Column } from '../shell/data-table';
import { useI18n } from '../shell/i18n-context';
import { newestFirst } from './deadlines';

export function TimelineList({ timeline }: { readonly timeline: readonly TimelineEntry[] }) {
  const { t, dict, lang } = useI18n();
  const columns: readonly Column<TimelineEntry>[] = [
    { header: 'colEvent', cell: (entry) => labelOf(dict.events, entry.type) },
    { header: 'colDate', cell: (entry) => formatInstant(entry.occurredAt, lang) },
    { header: 'colActor', cell: (entry) => `${entry.actor.userId} (${entry.actor.role === 'system' ? t('actorSystem') : labelOf(dict.options, entry.actor.role)})` },
  ];
  return (
    <section data-testid="path-timeline">
      <h2>{t('timelineTitle')}</h2>
      <DataTable
        testId="timeline-table"
        caption="timelineTitle"
        rowTestId="timeline-item"
        columns={columns}
        rows={newestFirst(timeline)}
        rowKey={(entry) => entry.version}
        rowAttributes={(entry) => ({ 'data-type': entry.type })}
      />
    </section>
  );
}
