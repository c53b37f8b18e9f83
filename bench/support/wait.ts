import { type Deadline, sleepMs } from './limits';
import { progress } from './progress';

const POLL_EVERY_MS = 250;
const REPORT_EVERY_MS = 10_000;

export interface CountWait {
  /** What is counted, for progress lines. */
  readonly what: string;
  readonly target: number;
  readonly count: () => Promise<number>;
  /** Give up after this long in all. */
  readonly capMs: number;
  /** Give up when the count has not moved for this long. */
  readonly stallMs: number;
}

/**
 * Polls `count` until it reaches the target, the cap or a stall (or the suite's budget) stops
 * it; answers the last count. Never asserts: callers check the count against what they expect.
 */
export async function awaitCount(wait: CountWait, deadline: Deadline): Promise<number> {
  const giveUpAt = Date.now() + wait.capMs;
  let last = -1;
  let movedAt = Date.now();
  let reportedAt = Date.now();
  for (;;) {
    const current = await deadline.race(wait.count()).catch(() => last);
    if (current >= wait.target || deadline.abortedBecause) return Math.max(current, 0);
    if (current !== last) [last, movedAt] = [current, Date.now()];
    if (Date.now() - movedAt > wait.stallMs || Date.now() > giveUpAt) {
      const why = Date.now() > giveUpAt ? `the ${Math.round(wait.capMs / 1000)} s cap` : `no progress for ${Math.round(wait.stallMs / 1000)} s`;
      progress(`${wait.what}: ${current} of ${wait.target}; giving up (${why})`);
      return Math.max(current, 0);
    }
    if (Date.now() - reportedAt > REPORT_EVERY_MS) {
      reportedAt = Date.now();
      progress(`${wait.what}: ${current} of ${wait.target}`);
    }
    await sleepMs(POLL_EVERY_MS);
  }
}
