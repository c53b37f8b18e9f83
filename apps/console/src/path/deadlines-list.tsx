import type { ScheduledItemView } from '@polku/contracts';
import { labelOf } from '../i18n/domain-labels';
import { formatDate } from '../i18n/format';
import { DataTable, type Column } from '../shell/data-table';
import { useI18n } from '../shell/i18n-context';
import { nextDueFirst } from './deadlines';

export function DeadlinesList({ items }: { readonly items: readonly ScheduledItemView[] }) {
  const { t, dict, lang } = useI18n();
  const columns: readonly Column<ScheduledItemView>[] = [
    { header: 'colDue', cell: (item) => formatDate(item.dueOn, lang) },
    { header: 'colRule', cell: (item) => labelOf(dict.rules, item.rule) },
    { header: 'colKind', cell: (item) => dict.kinds[item.kind] ?? item.kind },
  ];
  return (
    <section data-testid="path-deadlines">
      <h2>{t('deadlinesTitle')}</h2>
      <DataTable
        testId="deadlines-table"
        caption="deadlinesTitle"
        rowTestId="deadline-item"
        columns={columns}
        rows={nextDueFirst(items)}
        rowKey={(item) => item.itemId}
        rowAttributes={(item) => ({ 'data-rule': item.rule, 'data-kind': item.kind })}
        empty={{ testId: 'deadlines-empty', message: 'noDeadlines' }}
      />
    </section>
  );
}
