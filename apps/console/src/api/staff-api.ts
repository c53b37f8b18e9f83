import type { ApiClient, ApiResult } from './api-client';
import type { CommandAnswer, Kpis, Me, Notification, Page, PathDetail, PathSummary, StaffRole, StartPathAnswer, TokenAnswer } from './api.types';
import { toQuery } from './query';

export interface PathFilters {
  readonly stage?: string;
  readonly status?: string;
  readonly municipality?: string;
  readonly coachId?: string;
  readonly overdue?: boolean;
  readonly cursor?: string;
}

export interface StartPathBody {
  readonly identityCode: string;
  readonly municipality: string;
  readonly coachId: string;
  readonly referralSource?: string;
}

export interface KpiQuery {
  readonly from?: string;
  readonly to?: string;
  readonly municipality?: string;
}

const PAGE_SIZE = 50;

/** One function per endpoint of docs/staff-api.md; every URL is relative (same origin). */
export function staffApi(client: ApiClient) {
  const path = (pathId: string) => `/paths/${encodeURIComponent(pathId)}`;
  return {
    devToken: (body: { userId: string; role: StaffRole; employmentArea: string }): Promise<ApiResult<TokenAnswer>> => client.post('/dev-issuer/token', body),
    me: (): Promise<ApiResult<Me>> => client.get('/me'),
    startPath: (body: StartPathBody): Promise<ApiResult<StartPathAnswer>> => client.post('/paths', body),
    listPaths: (filters: PathFilters): Promise<ApiResult<Page<PathSummary>>> => client.get(`/paths${toQuery({ ...filters, limit: PAGE_SIZE })}`),
    caseload: (cursor?: string): Promise<ApiResult<Page<PathSummary>>> => client.get(`/me/caseload${toQuery({ limit: PAGE_SIZE, cursor })}`),
    getPath: (pathId: string): Promise<ApiResult<PathDetail>> => client.get(path(pathId)),
    sendCommand: (pathId: string, command: string, body: unknown): Promise<ApiResult<CommandAnswer>> =>
      client.post(`${path(pathId)}/${encodeURIComponent(command)}`, body),
    notifications: (unread = false): Promise<ApiResult<Page<Notification>>> => client.get(`/me/notifications${toQuery({ unread, limit: 100 })}`),
    markRead: (notificationId: string): Promise<ApiResult<{ notificationId: string; readAt: string }>> =>
      client.post(`/me/notifications/${encodeURIComponent(notificationId)}/read`),
    kpis: (query: KpiQuery): Promise<ApiResult<Kpis>> => client.get(`/kpis${toQuery({ ...query })}`),
  };
}

export type StaffApi = ReturnType<typeof staffApi>;
