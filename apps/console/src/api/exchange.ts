import type { ApiErrorBody } from '@polku/contracts';

/** The slice of `fetch` the console uses: injected, so request mapping is tested without a browser. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

export type FetchInit = Parameters<FetchLike>[1];

/** No answer at all: the request may or may not have reached the API. */
export const NO_ANSWER = { timeout: 'NETWORK.TIMEOUT', unreachable: 'NETWORK.UNREACHABLE' } as const;

export type Exchanged = { readonly status: number; readonly text: string } | { readonly noAnswer: ApiErrorBody };

/**
 * One request and its whole answer, or why there was none. With `timeoutMs` the request is
 * aborted when the answer (body included) takes longer: a hung request must end, so the user
 * can retry it instead of watching a disabled button.
 */
export async function exchange(fetch: FetchLike, url: string, init: FetchInit, timeoutMs?: number): Promise<Exchanged> {
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
  try {
    const response = await fetch(url, timer === undefined ? init : { ...init, signal: controller.signal });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    if (timedOut) return { noAnswer: { code: NO_ANSWER.timeout, message: `No answer within ${Number(timeoutMs) / 1000} s.` } };
    return { noAnswer: { code: NO_ANSWER.unreachable, message: error instanceof Error ? error.message : String(error) } };
  } finally {
    clearTimeout(timer);
  }
}
