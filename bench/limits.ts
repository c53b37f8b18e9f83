import { setMaxListeners } from 'node:events';

/**
 * A time budget. Aborting it cancels the Temporal calls in flight under `client.withAbortSignal`,
 * but the client only listens for the abort on calls already running (a call started afterwards
 * is not cancelled), so every wait also races `whenAborted`.
 */
export class Deadline {
  private readonly controller = new AbortController();
  private reason: string | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly aborted: Promise<never>;

  constructor(ms: number, what = 'overall timeout') {
    // Every Temporal call adds a listener to the one signal.
    setMaxListeners(0, this.controller.signal);
    this.aborted = new Promise<never>((_, reject) => this.controller.signal.addEventListener('abort', () => reject(new Error(`aborted: ${this.reason}`)), { once: true }));
    this.aborted.catch(() => undefined); // observed through race(); not an unhandled rejection
    this.timer = setTimeout(() => this.abort(`${what} of ${ms / 1000} s reached`), ms);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get abortedBecause(): string | undefined {
    return this.reason;
  }

  abort(reason: string): void {
    if (this.reason) return;
    this.reason = reason;
    this.controller.abort(new Error(reason));
  }

  throwIfAborted(): void {
    if (this.reason) throw new Error(`aborted: ${this.reason}`);
  }

  /** `work`, or a rejection as soon as the budget is aborted or `timeoutMs` (if given) passes. */
  race<T>(work: Promise<T>, timeoutMs?: number): Promise<T> {
    if (this.reason) return Promise.reject(new Error(`aborted: ${this.reason}`));
    let timer: NodeJS.Timeout | undefined;
    const timeout = timeoutMs === undefined ? [] : [new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs)))];
    return Promise.race([work, this.aborted, ...timeout]).finally(() => clearTimeout(timer));
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

export interface Outcome {
  readonly ok: number;
  readonly failed: number;
  /** The first few distinct failure messages. */
  readonly errors: readonly string[];
}

/**
 * Runs `task(0..count-1)` with at most `concurrency` in flight, each bounded by `taskTimeoutMs`;
 * stops taking new ones, and stops waiting for running ones, once the deadline is aborted.
 */
export async function runConcurrently(
  count: number,
  concurrency: number,
  deadline: Deadline,
  taskTimeoutMs: number,
  task: (index: number) => Promise<void>,
): Promise<Outcome> {
  let next = 0;
  let ok = 0;
  let failed = 0;
  const errors = new Set<string>();
  const lane = async (): Promise<void> => {
    while (next < count && !deadline.abortedBecause) {
      const index = next++;
      try {
        await deadline.race(task(index), taskTimeoutMs);
        ok++;
      } catch (error) {
        failed++;
        if (errors.size < 5) errors.add(messageOf(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return { ok, failed, errors: [...errors] };
}

export function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` ← ${error.cause.message}` : '';
  return `${error.name}: ${error.message}${cause}`.slice(0, 300);
}

export const sleepMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
