import { setMaxListeners } from 'node:events';

// Time and concurrency bounds for the chaos run: every wait has a deadline, every fan-out a
// limit, and everything stops early when the run's signal is aborted.

/** Why a budget ran out: its name shows in the report. */
class Aborted extends Error {
  override readonly name = 'Aborted';
}

/**
 * Waits `ms` on purpose: the length of a fault (how long a process stays stopped, a link
 * stays cut), never a wait for some state — those poll with `pollUntil`.
 */
export function hold(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** `work`, or a rejection after `ms` (the work itself carries on; callers only use it for idempotent calls). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms)));
  work.catch(() => undefined); // a late rejection after the timeout is not unhandled
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface Poll<T> {
  readonly value: T | undefined;
  /** When the check first held, ms since the epoch; undefined when it never did. */
  readonly at: number | undefined;
}

/**
 * Calls `check` every `intervalMs` until it answers something other than undefined, the
 * deadline passes or the signal is aborted. A throwing check counts as "not yet".
 */
export async function pollUntil<T>(check: () => Promise<T | undefined>, options: { timeoutMs: number; intervalMs: number; signal: AbortSignal }): Promise<Poll<T>> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return { value, at: Date.now() };
    if (Date.now() >= deadline || options.signal.aborted) return { value: undefined, at: undefined };
    await hold(Math.min(options.intervalMs, Math.max(0, deadline - Date.now())), options.signal);
  }
}

/** Runs `task` over `items` with at most `limit` at a time; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

/** Every concurrent wait (`hold`) listens on one signal: more than Node's default of 10 is normal here. */
export function unboundedController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

export interface Budget {
  readonly signal: AbortSignal;
  /** Stops the budget's timer once the work it bounded is over. */
  dispose(): void;
}

/** A signal aborted when `parent` is, or `ms` after now, whichever comes first. */
export function budget(parent: AbortSignal, ms: number, what: string): Budget {
  const controller = unboundedController();
  const timer = setTimeout(() => controller.abort(new Aborted(`${what}: deadline of ${Math.round(ms / 1000)} s reached`)), ms);
  timer.unref();
  const onParent = (): void => controller.abort(parent.reason);
  if (parent.aborted) onParent();
  else parent.addEventListener('abort', onParent, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      parent.removeEventListener('abort', onParent);
    },
  };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
}
