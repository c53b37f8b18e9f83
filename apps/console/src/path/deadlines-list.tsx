import type { ScheduledItemView } from '@polku/contracts';
import { labelOf } from '../i18n/domain-labels';
import { formatDate } from '../i18n/format';
import { useI18n } from '../shell/i18n-context';
import { nextDueFirst } from './deadlines';

export function DeadlinesList({ items }: { readonly items: readonly ScheduledItemView[] }) {
  const { t, dict, lang } = useI18n();
  const pending = nextDueFirst(items);
  return (
    <section data-testid="path-deadlines">
      <h2>{t('deadlinesTitle')}</h2>
      {pending.length === 0 ? (
        <p data-testid="deadlines-empty">{t('noDeadlines')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('colDue')}</th>
              <th>{t('colRule')}</th>
              <th>{t('colKind')}</th>
            </tr>
          </thead>
          <tbody>
            {pending.map((item) => (
              <tr key={item.itemId} data-testid="deadline-item" data-rule={item.rule} data-kind={item.kind}>
                <td>{formatDate(item.dueOn, lang)}</td>
                <td>{labelOf(dict.rules, item.rule)}</td>
                <td>{dict.kinds[item.kind] ?? item.kind}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
