import type { ApiErrorBody } from '@polku/contracts';

/** The slice of `fetch` the console uses: injected, so request mapping is tested without a browser. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{ status: number; text(): Promise<string> }>;

export interface ApiDeps {
  readonly fetch: FetchLike;
  readonly token: () => string | null;
  /** A fresh Idempotency-Key per submission (crypto.randomUUID() in the browser). */
  readonly newKey: () => string;
  /** A 401 means the session is over: the shell drops the token and shows the sign-in. */
  readonly onUnauthorized: () => void;
}

export type ApiResult<T> = { readonly ok: true; readonly status: number; readonly data: T } | { readonly ok: false; readonly status: number; readonly error: ApiErrorBody };

export interface ApiClient {
  get<T>(url: string): Promise<ApiResult<T>>;
  post<T>(url: string, body?: unknown): Promise<ApiResult<T>>;
}

export function createApiClient(deps: ApiDeps): ApiClient {
  async function send<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<ApiResult<T>> {
    const headers = requestHeaders(deps, method, body !== undefined);
    let response: { status: number; text(): Promise<string> };
    try {
      response = await deps.fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch (error) {
      return { ok: false, status: 0, error: { code: 'NETWORK.UNREACHABLE', message: error instanceof Error ? error.message : String(error) } };
    }
    const parsed = parseJson(await response.text());
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, data: parsed as T };
    if (response.status === 401) deps.onUnauthorized();
    return { ok: false, status: response.status, error: toErrorBody(response.status, parsed) };
  }
  return { get: (url) => send('GET', url), post: (url, body) => send('POST', url, body ?? {}) };
}

export function requestHeaders(deps: Pick<ApiDeps, 'token' | 'newKey'>, method: 'GET' | 'POST', hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = deps.token();
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (hasBody) headers['content-type'] = 'application/json';
  if (method === 'POST') headers['idempotency-key'] = deps.newKey();
  return headers;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Any error answer becomes `{ code, message, issues? }`, even one from a proxy in between. */
export function toErrorBody(status: number, body: unknown): ApiErrorBody {
  if (typeof body === 'object' && body !== null) {
    const { code, message, issues } = body as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      return Array.isArray(issues) ? { code, message, issues: issues.filter(isIssue) } : { code, message };
    }
  }
  return { code: `HTTP.${status}`, message: typeof body === 'string' && body.length < 300 ? body : `HTTP ${status}` };
}

function isIssue(value: unknown): value is { path: string; message: string } {
  const issue = value as Record<string, unknown> | null;
  return typeof issue === 'object' && issue !== null && typeof issue['path'] === 'string' && typeof issue['message'] === 'string';
}
