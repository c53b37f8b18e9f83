import type { ApiErrorBody } from '@polku/contracts';
import { actionOf, type ActionKeys } from './action-keys';
import { exchange, type FetchLike } from './exchange';

export type { FetchLike } from './exchange';

/** Longer than a command's workflow Update takes under load; past it the user is told to retry. */
export const POST_TIMEOUT_MS = 20_000;

export interface ApiDeps {
  readonly fetch: FetchLike;
  readonly token: () => string | null;
  /** The Idempotency-Key of each POST's action, reused by its retries (action-keys.ts). */
  readonly keys: ActionKeys;
  /** A 401 means the session is over: the shell drops the token and shows the sign-in. */
  readonly onUnauthorized: () => void;
  readonly postTimeoutMs?: number;
}

export type ApiResult<T> = { readonly ok: true; readonly status: number; readonly data: T } | { readonly ok: false; readonly status: number; readonly error: ApiErrorBody };

export interface ApiClient {
  get<T>(url: string): Promise<ApiResult<T>>;
  post<T>(url: string, body?: unknown): Promise<ApiResult<T>>;
}

export function createApiClient(deps: ApiDeps): ApiClient {
  async function send<T>(method: 'GET' | 'POST', url: string, body?: string, key?: string): Promise<ApiResult<T>> {
    const headers = requestHeaders(deps.token(), body !== undefined, key);
    const timeoutMs = method === 'POST' ? (deps.postTimeoutMs ?? POST_TIMEOUT_MS) : undefined;
    const answer = await exchange(deps.fetch, url, { method, headers, ...(body === undefined ? {} : { body }) }, timeoutMs);
    if ('noAnswer' in answer) return { ok: false, status: 0, error: answer.noAnswer };
    const parsed = parseJson(answer.text);
    if (answer.status >= 200 && answer.status < 300) return { ok: true, status: answer.status, data: parsed as T };
    if (answer.status === 401) deps.onUnauthorized();
    return { ok: false, status: answer.status, error: toErrorBody(answer.status, parsed) };
  }
  async function post<T>(url: string, body: unknown): Promise<ApiResult<T>> {
    const json = JSON.stringify(body ?? {});
    const action = actionOf(url, json);
    const result = await send<T>('POST', url, json, deps.keys.keyFor(action));
    if (settles(result.status)) deps.keys.settle(action);
    return result;
  }
  return { get: (url) => send('GET', url), post };
}

/**
 * Whether an answer is final for its action. The API keeps a 2xx or 4xx and replays it for the
 * key, except a 409 (a conflict, or the key still in progress), which a retry runs again. No
 * answer (status 0) or a 5xx may have come after the change was applied: the action's retries
 * must carry its key.
 */
export function settles(status: number): boolean {
  return status >= 200 && status < 500 && status !== 409;
}

export function requestHeaders(token: string | null, hasBody: boolean, idempotencyKey?: string): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (hasBody) headers['content-type'] = 'application/json';
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
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
