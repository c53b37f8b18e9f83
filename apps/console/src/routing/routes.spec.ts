import { homeFor, hrefFor, pagesFor, parseHash, PUBLIC_PAGES, type Route } from './routes';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['#/caseload', { page: 'caseload' }],
    ['#/intake', { page: 'intake' }],
    ['#/notifications', { page: 'notifications' }],
    ['#/kpis', { page: 'kpis' }],
    ['#/sign-in', { page: 'sign-in' }],
    ['#/accessibility', { page: 'accessibility' }],
    ['#/paths/3f2a-77', { page: 'path', pathId: '3f2a-77' }],
  ])('%s ⇄ route', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
    expect(hrefFor(route)).toBe(hash);
  });

  it('round-trips a path id that needs escaping', () => {
    const route: Route = { page: 'path', pathId: 'a/b c' };
    expect(parseHash(hrefFor(route))).toEqual(route);
  });

  it.each(['', '#', '#/', '#/paths', '#/paths/a/b', '#/admin', '#/caseload/x'])('%j is no route', (hash) => {
    expect(parseHash(hash)).toBeNull();
  });

  it('lands managers on the KPIs and everyone else on the paths', () => {
    expect(homeFor('manager')).toEqual({ page: 'kpis' });
    expect(homeFor('coach')).toEqual({ page: 'caseload' });
    expect(homeFor('admin')).toEqual({ page: 'caseload' });
  });

  it('offers intake only to intake staff and coaches, KPIs only to managers and admins', () => {
    const roles = ['intake', 'coach', 'wellbeing', 'manager', 'admin'] as const;
    expect(roles.filter((role) => pagesFor(role).includes('intake'))).toEqual(['intake', 'coach']);
    expect(roles.filter((role) => pagesFor(role).includes('kpis'))).toEqual(['manager', 'admin']);
  });

  it('offers the accessibility statement to every role, and signed out', () => {
    const roles = ['intake', 'coach', 'wellbeing', 'manager', 'admin'] as const;
    expect(roles.filter((role) => pagesFor(role).includes('accessibility'))).toEqual(roles);
    expect(PUBLIC_PAGES).toContain('accessibility');
  });
});
