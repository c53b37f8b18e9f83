import type { StaffRole } from '@polku/contracts';

/** Console routes live in the URL hash, so they never meet the API's own paths. */
export type Route =
  | { readonly page: 'sign-in' }
  | { readonly page: 'caseload' }
  | { readonly page: 'intake' }
  | { readonly page: 'path'; readonly pathId: string }
  | { readonly page: 'notifications' }
  | { readonly page: 'kpis' }
  | { readonly page: 'accessibility' };

export type PageName = Route['page'];

const SIMPLE: Readonly<Record<string, Route>> = {
  'sign-in': { page: 'sign-in' },
  caseload: { page: 'caseload' },
  intake: { page: 'intake' },
  notifications: { page: 'notifications' },
  kpis: { page: 'kpis' },
  accessibility: { page: 'accessibility' },
};

export function parseHash(hash: string): Route | null {
  const parts = hash.replace(/^#?\/?/, '').split('/').filter(Boolean);
  const [first, second] = parts;
  if (first === 'paths' && second && parts.length === 2) return { page: 'path', pathId: decodeURIComponent(second) };
  if (parts.length === 1 && first !== undefined) return SIMPLE[first] ?? null;
  return null;
}

export function hrefFor(route: Route): string {
  return route.page === 'path' ? `#/paths/${encodeURIComponent(route.pathId)}` : `#/${route.page}`;
}

/** Where a role lands after signing in: managers follow the KPIs, everyone else the paths. */
export function homeFor(role: StaffRole): Route {
  return role === 'manager' ? { page: 'kpis' } : { page: 'caseload' };
}

const PAGES_BY_ROLE: Readonly<Record<StaffRole, readonly PageName[]>> = {
  intake: ['caseload', 'intake', 'path', 'notifications', 'accessibility'],
  coach: ['caseload', 'intake', 'path', 'notifications', 'accessibility'],
  wellbeing: ['caseload', 'path', 'notifications', 'accessibility'],
  manager: ['kpis', 'caseload', 'path', 'notifications', 'accessibility'],
  admin: ['kpis', 'caseload', 'path', 'notifications', 'accessibility'],
};

/** Pages anyone may open signed out: the law wants the accessibility statement reachable from every page. */
export const PUBLIC_PAGES: readonly PageName[] = ['sign-in', 'accessibility'];

/** The pages a role may open; the API enforces the same on every call. */
export function pagesFor(role: StaffRole): readonly PageName[] {
  return PAGES_BY_ROLE[role];
}
