import type { Notification } from '@polku/contracts';
import { labelOf } from '../i18n/domain-labels';
import { formatInstant } from '../i18n/format';
import { hrefFor } from '../routing/routes';
import { useI18n } from '../shell/i18n-context';
import { useSession } from '../shell/session-context';
import { useUnread } from '../shell/unread-context';
import { useLoad } from '../shell/use-load';

/** The signed-in user's reminders, missed deadlines and escalations; newest first from the API. */
export function NotificationsPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const unread = useUnread();
  const { loaded, reload } = useLoad(() => api.notifications(false), 'notifications');

  async function markRead(notificationId: string) {
    const answer = await api.markRead(notificationId);
    if (answer.ok) await Promise.all([reload(), unread.refresh()]);
  }

  return (
    <section className="page" data-testid="page-notifications">
      <div className="title-row">
        <h1>{t('notificationsTitle')}</h1>
        <button type="button" data-testid="notifications-refresh" onClick={() => void Promise.all([reload(), unread.refresh()])}>
          {t('refresh')}
        </button>
      </div>
      {loaded.state === 'loading' && <p>{t('loading')}</p>}
      {loaded.state === 'error' && (
        <div className="error-summary" role="alert" data-testid="notifications-error">
          <code>{loaded.error.code}</code> {loaded.error.message}
        </div>
      )}
      {loaded.state === 'ok' && <NotificationsTable items={loaded.data.items} onRead={markRead} />}
    </section>
  );
}

function NotificationsTable({ items, onRead }: { readonly items: readonly Notification[]; readonly onRead: (id: string) => Promise<void> }) {
  const { t, dict, lang } = useI18n();
  if (items.length === 0) return <p data-testid="notifications-empty">{t('noNotifications')}</p>;
  return (
    <table className="table" data-testid="notifications-table">
      <thead>
        <tr>
          <th>{t('colRule')}</th>
          <th>{t('colKind')}</th>
          <th>{t('colDue')}</th>
          <th>{t('colPath')}</th>
          <th>{t('readOn')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr
            key={item.notificationId}
            data-testid="notification-item"
            data-path-id={item.pathId}
            data-rule={item.rule}
            data-kind={item.kind}
            data-read={item.readAt ? 'true' : 'false'}
            className={item.readAt ? '' : 'unread'}
          >
            <td>{labelOf(dict.rules, item.rule)}</td>
            <td>{dict.kinds[item.kind] ?? item.kind}</td>
            <td>{formatInstant(item.dueAt, lang)}</td>
            <td>
              <a href={hrefFor({ page: 'path', pathId: item.pathId })} data-testid="notification-path">
                {t('open')}
              </a>
            </td>
            <td>
              {item.readAt ? (
                formatInstant(item.readAt, lang)
              ) : (
                <button type="button" data-testid="notification-read" onClick={() => void onRead(item.notificationId)}>
                  {t('markRead')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
