import type { UiKey } from '../i18n/ui.fi';
import { hrefFor, pagesFor, type PageName, type Route } from '../routing/routes';
import { useI18n } from './i18n-context';
import { LangSwitch } from './lang-switch';
import { useSession } from './session-context';
import { useUnread } from './unread-context';

const LINKS: readonly { readonly page: Exclude<PageName, 'path' | 'sign-in'>; readonly label: UiKey }[] = [
  { page: 'caseload', label: 'navCaseload' },
  { page: 'intake', label: 'navIntake' },
  { page: 'notifications', label: 'navNotifications' },
  { page: 'kpis', label: 'navKpis' },
];

export function Nav({ current }: { readonly current: Route | null }) {
  const { t, dict } = useI18n();
  const { session, signOut } = useSession();
  const pages = session ? pagesFor(session.me.role) : [];
  return (
    <header className="nav">
      <strong className="brand">{t('appName')}</strong>
      <nav aria-label={t('mainNav')}>
        {LINKS.filter((link) => pages.includes(link.page)).map((link) => (
          <a
            key={link.page}
            href={hrefFor({ page: link.page })}
            data-testid={`nav-${link.page}`}
            className={current?.page === link.page ? 'active' : ''}
            aria-current={current?.page === link.page ? 'page' : undefined}
          >
            {t(link.label)}
            {link.page === 'notifications' && <UnreadBadge />}
          </a>
        ))}
      </nav>
      <span className="spacer" />
      {session && (
        <span className="who" data-testid="nav-user">
          {session.me.userId} · {dict.options[session.me.role]} · {session.me.employmentArea}
        </span>
      )}
      <LangSwitch />
      {session && (
        <button type="button" className="link" data-testid="nav-sign-out" onClick={signOut}>
          {t('signOut')}
        </button>
      )}
    </header>
  );
}

function UnreadBadge() {
  const { unread } = useUnread();
  const { t } = useI18n();
  if (unread === null) return null;
  return (
    <span className={`badge${unread > 0 ? ' badge-hot' : ''}`} data-testid="unread-badge" data-count={unread} title={t('unread')}>
      {unread}
      <span className="visually-hidden"> {t('unreadCount')}</span>
    </span>
  );
}
