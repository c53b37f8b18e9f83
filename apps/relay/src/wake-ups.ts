/** Waits `ms`, or less once `signal` aborts; never rejects. Tests pass one that waits for them. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });

/**
 * Wake-ups for the publishing loop (a NOTIFY, taking the lease) that are never lost. A wake-up
 * that arrives while a pass runs is remembered, so the loop goes round again at once instead of
 * sleeping through its poll: the notification may stand for rows the pass read too early to see.
 */
export class WakeUps {
  private pending = false;
  private waiting: AbortController | undefined;
  private readonly stopped = new AbortController();

  constructor(private readonly sleep: Sleep = realSleep) {}

  /** Something may be waiting in the outbox: ends the current wait, or the next one before it starts. */
  ring(): void {
    this.pending = true;
    this.waiting?.abort();
  }

  /**
   * Called right before each read of the outbox. A wake-up rung before this point stands for a
   * commit that read will see (NOTIFY goes out after COMMIT); one rung after it stays pending.
   */
  answer(): void {
    this.pending = false;
  }

  /**
   * Idle until a wake-up, `ms` or stop; returns at once, taking the wake-up, when one came since
   * the last read. Taking it here matters for a standby, which reads nothing: a wake-up left
   * pending would send its loop round and round on settled promises, starving the process's
   * timers (its lease campaign among them) for good.
   */
  async idle(ms: number): Promise<void> {
    if (this.stopped.signal.aborted) return;
    if (this.pending) {
      this.pending = false;
      return;
    }
    this.waiting = new AbortController();
    try {
      await this.sleep(ms, AbortSignal.any([this.waiting.signal, this.stopped.signal]));
    } finally {
      this.waiting = undefined;
    }
  }

  /** A backoff after a failure: wake-ups do not shorten it (the broker or database is down), stop does. */
  async backOff(ms: number): Promise<void> {
    if (!this.stopped.signal.aborted) await this.sleep(ms, this.stopped.signal);
  }

  stop(): void {
    this.stopped.abort();
  }
}
