import type { Notification } from '@polku/contracts';
import { labelOf } from '../i18n/domain-labels';
import { formatInstant } from '../i18n/format';
import { hrefFor } from '../routing/routes';
import { DataTable, type Column } from '../shell/data-table';
import { ErrorBox } from '../shell/error-box';
import { useI18n } from '../shell/i18n-context';
import { PageHeading } from '../shell/page-heading';
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
        <PageHeading>{t('notificationsTitle')}</PageHeading>
        <button type="button" data-testid="notifications-refresh" onClick={() => void Promise.all([reload(), unread.refresh()])}>
          {t('refresh')}
        </button>
      </div>
      {loaded.state === 'loading' && <p role="status">{t('loading')}</p>}
      {loaded.state === 'error' && (
        <ErrorBox testId="notifications-error" error={loaded.error} />
      )}
      {loaded.state === 'ok' && <NotificationsTable items={loaded.data.items} onRead={markRead} />}
    </section>
  );
}

function NotificationsTable({ items, onRead }: { readonly items: readonly Notification[]; readonly onRead: (id: string) => Promise<void> }) {
  const { t, dict, lang } = useI18n();
  const columns: readonly Column<Notification>[] = [
    { header: 'colRule', cell: (item) => labelOf(dict.rules, item.rule) },
    { header: 'colKind', cell: (item) => dict.kinds[item.kind] ?? item.kind },
    { header: 'colDue', cell: (item) => formatInstant(item.dueAt, lang) },
    {
      header: 'colPath',
      cell: (item) => (
        <a href={hrefFor({ page: 'path', pathId: item.pathId })} data-testid="notification-path">
          {t('open')}
        </a>
      ),
    },
    {
      header: 'readOn',
      cell: (item) =>
        item.readAt ? (
          formatInstant(item.readAt, lang)
        ) : (
          <button type="button" data-testid="notification-read" onClick={() => void onRead(item.notificationId)}>
            {t('markRead')}
          </button>
        ),
    },
  ];
  return (
    <DataTable
      testId="notifications-table"
      caption="notificationsTitle"
      rowTestId="notification-item"
      columns={columns}
      rows={items}
      rowKey={(item) => item.notificationId}
      rowAttributes={(item) => ({
        'data-path-id': item.pathId,
        'data-rule': item.rule,
        'data-kind': item.kind,
        'data-read': item.readAt ? 'true' : 'false',
        className: item.readAt ? '' : 'unread',
      })}
      empty={{ testId: 'notifications-empty', message: 'noNotifications' }}
    />
  );
}
