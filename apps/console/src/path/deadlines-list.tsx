import type { Deadline } from '../api/api.types';
import { formatDate } from '../i18n/format';
import { useI18n } from '../shell/i18n-context';
import { pendingNextFirst } from './deadlines';

export function DeadlinesList({ deadlines }: { readonly deadlines: readonly Deadline[] }) {
  const { t, dict, lang } = useI18n();
  const pending = pendingNextFirst(deadlines);
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
                <td>{dict.rules[item.rule] ?? item.rule}</td>
                <td>{dict.kinds[item.kind] ?? item.kind}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
