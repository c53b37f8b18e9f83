import { useEffect, useRef } from 'react';
import { KpiPage } from './kpi/kpi-page';
import { AccessibilityPage } from './pages/accessibility-page';
import { PathPage } from './path/path-page';
import { CaseloadPage } from './pages/caseload-page';
import { IntakePage } from './pages/intake-page';
import { NotificationsPage } from './pages/notifications-page';
import { SignInPage } from './pages/sign-in-page';
import { homeFor, hrefFor, pagesFor, PUBLIC_PAGES, type Route } from './routing/routes';
import { Footer } from './shell/footer';
import { useI18n } from './shell/i18n-context';
import { Nav } from './shell/nav';
import { HeadingFocusContext } from './shell/page-heading';
import { navigate, useRoute } from './shell/router';
import { useSession } from './shell/session-context';
import { MAIN_ID, SkipLink } from './shell/skip-link';

/** The shell: skip link, nav, the route's page, the footer; without a session only public pages show. */
export function App() {
  const route = useRoute();
  const { session } = useSession();
  const target = resolve(route, session?.me.role);
  const navigated = useNavigated(hrefFor(target.route));
  useEffect(() => {
    if (target.redirect) navigate(target.route);
  }, [target]);
  return (
    <>
      <SkipLink />
      <Nav current={target.route} />
      <main id={MAIN_ID} tabIndex={-1}>
        <HeadingFocusContext.Provider value={navigated}>{target.redirect ? null : <Page route={target.route} />}</HeadingFocusContext.Provider>
      </main>
      <Footer />
    </>
  );
}

/** Whether the route has changed since the console loaded (sticky: coming back still counts). */
function useNavigated(routeKey: string): boolean {
  const first = useRef(routeKey);
  const moved = useRef(false);
  if (routeKey !== first.current) moved.current = true;
  return moved.current;
}

function resolve(route: Route | null, role: Parameters<typeof homeFor>[0] | undefined): { route: Route; redirect: boolean } {
  if (!role) return route && PUBLIC_PAGES.includes(route.page) ? { route, redirect: false } : { route: { page: 'sign-in' }, redirect: true };
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
    case 'accessibility':
      return <AccessibilityPage />;
  }
}
