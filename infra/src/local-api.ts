/**
 * Tooling's client for a local API instance (the API fuzz, `npm run bench:api`): loopback
 * addresses only, JSON bodies, tokens from the API's dev issuer.
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** `url` without a trailing slash; throws unless its host is a loopback address. */
export function loopbackBase(url: string, setting: string): string {
  if (!LOOPBACK.has(new URL(url).hostname)) throw new Error(`${setting} must be a loopback address (127.0.0.1, localhost, [::1]), got ${url}`);
  return url.replace(/\/$/, '');
}

export interface JsonAnswer {
  readonly status: number;
  /** The answer's JSON, undefined when it is not JSON. */
  readonly body: unknown;
}

/** POSTs `body` as JSON, with a bearer `token` if given; throws when no answer comes within `timeoutMs`. */
export async function postJson(base: string, path: string, body: unknown, options: { token?: string; timeoutMs?: number } = {}): Promise<JsonAnswer> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}

/** The error code of an answer's body (`PATH.NOT_FOUND`), or ''. */
export function errorCodeOf(body: unknown): string {
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

export interface DevStaff {
  readonly userId: string;
  readonly role: string;
  readonly employmentArea: string;
}

export type DevToken = { readonly accessToken: string; readonly error?: undefined } | { readonly error: string };

/** A token from the API's dev issuer, or why there is none; never throws. */
export async function devToken(base: string, staff: DevStaff): Promise<DevToken> {
  try {
    const answer = await postJson(base, '/dev-issuer/token', staff, { timeoutMs: 10_000 });
    const accessToken = (answer.body as { accessToken?: unknown } | undefined)?.accessToken;
    if (answer.status >= 200 && answer.status < 300 && typeof accessToken === 'string') return { accessToken };
    return { error: `POST /dev-issuer/token answered ${answer.status} ${errorCodeOf(answer.body) || 'without an accessToken'}` };
  } catch (error) {
    return { error: `POST /dev-issuer/token failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
