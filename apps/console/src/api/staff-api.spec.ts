import type { ApiClient } from './api-client';
import { staffApi } from './staff-api';

function recorder() {
  const calls: [string, string, unknown][] = [];
  const client: ApiClient = {
    get: async (url) => {
      calls.push(['GET', url, undefined]);
      return { ok: true, status: 200, data: undefined as never };
    },
    post: async (url, body) => {
      calls.push(['POST', url, body]);
      return { ok: true, status: 200, data: undefined as never };
    },
  };
  return { calls, api: staffApi(client) };
}

describe('staffApi URLs (docs/staff-api.md)', () => {
  it.each([
    ['list paths with the set filters only', (api: ReturnType<typeof staffApi>) => api.listPaths({ stage: 'WORK_TRIAL', status: '', overdue: false }), ['GET', '/paths?stage=WORK_TRIAL&limit=50', undefined]],
    ['list overdue paths of a municipality', (api: ReturnType<typeof staffApi>) => api.listPaths({ municipality: 'Hämeenlinna', overdue: true }), ['GET', '/paths?municipality=H%C3%A4meenlinna&overdue=true&limit=50', undefined]],
    ['the next page of the caseload', (api: ReturnType<typeof staffApi>) => api.caseload('c2'), ['GET', '/me/caseload?limit=50&cursor=c2', undefined]],
    ['one path', (api: ReturnType<typeof staffApi>) => api.getPath('p/1'), ['GET', '/paths/p%2F1', undefined]],
    ['a command', (api: ReturnType<typeof staffApi>) => api.sendCommand('p1', 'start-assessment', { startedOn: '2026-01-05' }), ['POST', '/paths/p1/start-assessment', { startedOn: '2026-01-05' }]],
    ['unread notifications', (api: ReturnType<typeof staffApi>) => api.notifications(true), ['GET', '/me/notifications?unread=true&limit=100', undefined]],
    ['all notifications', (api: ReturnType<typeof staffApi>) => api.notifications(), ['GET', '/me/notifications?limit=100', undefined]],
    ['mark one read', (api: ReturnType<typeof staffApi>) => api.markRead('n1'), ['POST', '/me/notifications/n1/read', undefined]],
    ['the last accessibility audit of the build', (api: ReturnType<typeof staffApi>) => api.accessibilityAudit(), ['GET', '/accessibility-audit.json', undefined]],
    ['KPIs for a period', (api: ReturnType<typeof staffApi>) => api.kpis({ from: '2026-01', to: '2026-03' }), ['GET', '/kpis?from=2026-01&to=2026-03', undefined]],
    ['KPIs of a segment as recorded by a date, as CSV', (api: ReturnType<typeof staffApi>) => api.kpisCsv({ from: '2026-01-01', to: '2026-05-31', segment: 'referral:KELA', asOf: '2026-06-14' }), ['GET', '/kpis/export.csv?from=2026-01-01&to=2026-05-31&segment=referral%3AKELA&asOf=2026-06-14', undefined]],
    ['one path as recorded by a date', (api: ReturnType<typeof staffApi>) => api.getPath('p1', '2026-03-15'), ['GET', '/paths/p1?asOf=2026-03-15', undefined]],
    [
      'a dev token',
      (api: ReturnType<typeof staffApi>) => api.devToken({ userId: 'coach.virtanen', role: 'coach', employmentArea: 'Pirkanmaa' }),
      ['POST', '/dev-issuer/token', { userId: 'coach.virtanen', role: 'coach', employmentArea: 'Pirkanmaa' }],
    ],
  ] as const)('%s', async (_label, call, expected) => {
    const { calls, api } = recorder();
    await call(api);
    expect(calls).toEqual([expected]);
  });
});
