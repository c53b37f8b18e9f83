import type {
  DevTokenRequest,
  DevTokenResponse,
  KpiQueryParams,
  KpiReport,
  Me,
  NotificationList,
  NotificationRead,
  PathAnswer,
  PathDetails,
  PathPage,
  StartPathBody,
  StartPathResponse,
} from '@polku/contracts';
import type { ApiClient, ApiResult } from './api-client';
import { toQuery } from './query';

export interface PathFilters {
  readonly stage?: string;
  readonly status?: string;
  readonly municipality?: string;
  readonly coachId?: string;
  readonly overdue?: boolean;
  readonly cursor?: string;
}

const PAGE_SIZE = 50;

/** One function per endpoint of docs/staff-api.md; every URL is relative (same origin). */
export function staffApi(client: ApiClient) {
  const path = (pathId: string) => `/paths/${encodeURIComponent(pathId)}`;
  return {
    devToken: (body: DevTokenRequest): Promise<ApiResult<DevTokenResponse>> => client.post('/dev-issuer/token', body),
    me: (): Promise<ApiResult<Me>> => client.get('/me'),
    startPath: (body: StartPathBody): Promise<ApiResult<StartPathResponse>> => client.post('/paths', body),
    listPaths: (filters: PathFilters): Promise<ApiResult<PathPage>> => client.get(`/paths${toQuery({ ...filters, limit: PAGE_SIZE })}`),
    caseload: (cursor?: string): Promise<ApiResult<PathPage>> => client.get(`/me/caseload${toQuery({ limit: PAGE_SIZE, cursor })}`),
    getPath: (pathId: string, asOf?: string): Promise<ApiResult<PathDetails>> => client.get(`${path(pathId)}${toQuery({ asOf })}`),
    sendCommand: (pathId: string, command: string, body: unknown): Promise<ApiResult<PathAnswer>> =>
      client.post(`${path(pathId)}/${encodeURIComponent(command)}`, body),
    notifications: (unread = false): Promise<ApiResult<NotificationList>> => client.get(`/me/notifications${toQuery({ unread, limit: 100 })}`),
    markRead: (notificationId: string): Promise<ApiResult<NotificationRead>> =>
      client.post(`/me/notifications/${encodeURIComponent(notificationId)}/read`),
    kpis: (query: KpiQueryParams): Promise<ApiResult<KpiReport>> => client.get(`/kpis${toQuery({ ...query })}`),
    /** The same answer as CSV text (the client reads a body that is not JSON as text). */
    kpisCsv: (query: KpiQueryParams): Promise<ApiResult<string>> => client.get(`/kpis/export.csv${toQuery({ ...query })}`),
    /** Not the API's: the browser test's last audit of this console build, served beside it. */
    accessibilityAudit: (): Promise<ApiResult<unknown>> => client.get('/accessibility-audit.json'),
  };
}

export type StaffApi = ReturnType<typeof staffApi>;
