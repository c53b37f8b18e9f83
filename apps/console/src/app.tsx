import { useEffect } from 'react';
import { KpiPage } from './kpi/kpi-page';
import { PathPage } from './path/path-page';
import { CaseloadPage } from './pages/caseload-page';
import { IntakePage } from './pages/intake-page';
import { NotificationsPage } from './pages/notifications-page';
import { SignInPage } from './pages/sign-in-page';
import { homeFor, pagesFor, type Route } from './routing/routes';
import { useI18n } from './shell/i18n-context';
import { Nav } from './shell/nav';
import { navigate, useRoute } from './shell/router';
import { useSession } from './shell/session-context';

/** The shell: nav on top, the route's page below; without a session only the sign-in shows. */
export function App() {
  const route = useRoute();
  const { session } = useSession();
  const target = resolve(route, session?.me.role);
  useEffect(() => {
    if (target.redirect) navigate(target.route);
  }, [target]);
  return (
    <>
      <Nav current={target.route} />
      <main>{target.redirect ? null : <Page route={target.route} />}</main>
    </>
  );
}

function resolve(route: Route | null, role: Parameters<typeof homeFor>[0] | undefined): { route: Route; redirect: boolean } {
  if (!role) return route?.page === 'sign-in' ? { route, redirect: false } : { route: { page: 'sign-in' }, redirect: true };
  if (route === null || route.page === 'sign-in') return { route: homeFor(role), redirect: true };
  return { route, redirect: false };
}

function Page({ route }: { readonly route: Route }) {
  const { t } = useI18n();
  const { session } = useSession();
  if (session && route.page !== 'sign-in' && !pagesFor(session.me.role).includes(route.page)) {
    return <p data-testid="page-forbidden">{t('forbiddenPage')}</p>;
  }
  switch (route.page) {
    case 'sign-in':
      return <SignInPage />;
    case 'caseload':
      return <CaseloadPage />;
    case 'intake':
      return <IntakePage />;
    case 'path':
      return <PathPage key={route.pathId} pathId={route.pathId} />;
    case 'notifications':
      return <NotificationsPage />;
    case 'kpis':
      return <KpiPage />;
  }
}
