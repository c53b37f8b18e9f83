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
  readonly endsAt: number;

  constructor(ms: number, what = 'overall timeout') {
    // Every Temporal call adds a listener to the one signal.
    setMaxListeners(0, this.controller.signal);
    this.aborted = new Promise<never>((_, reject) => this.controller.signal.addEventListener('abort', () => reject(new Error(`aborted: ${this.reason}`)), { once: true }));
    this.aborted.catch(() => undefined); // observed through race(); not an unhandled rejection
    this.endsAt = Date.now() + ms;
    this.timer = setTimeout(() => this.abort(`${what} of ${Math.round(ms / 1000)} s reached`), ms);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get abortedBecause(): string | undefined {
    return this.reason;
  }

  /** Milliseconds left, never below zero. */
  get leftMs(): number {
    return Math.max(0, this.endsAt - Date.now());
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

/** `work`, bounded by `ms` whatever happens (for clean-up steps, which run after the budget is spent). */
export function bounded<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` ← ${error.cause.message}` : '';
  return `${error.name}: ${error.message}${cause}`.slice(0, 300);
}

export const sleepMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
