import { performance } from 'node:perf_hooks';
import { type Deadline, messageOf, sleepMs } from '../support/limits';

/** Sends in flight at most; past it the load is behind, which is counted, not hidden. */
const MAX_IN_FLIGHT = 500;

export interface Paced {
  /** When each send was done, by id (the commit, or the start of a raw send). */
  readonly startedAt: ReadonlyMap<string, number>;
  readonly sent: number;
  readonly failed: number;
  /** Ticks skipped because too many sends were still in flight. */
  readonly behind: number;
  readonly errors: readonly string[];
}

/**
 * Open-loop load: `send(i)` every 1/perSecond s for `seconds`, whether or not earlier sends have
 * finished, as a steady stream of users would; each send answers its id and the instant its
 * message counts from (after a commit for ours, before the send for the raw baseline).
 */
export async function paced(perSecond: number, seconds: number, deadline: Deadline, send: (i: number) => Promise<{ id: string; at: number }>): Promise<Paced> {
  const startedAt = new Map<string, number>();
  const errors = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let [failed, behind] = [0, 0];
  const begun = performance.now();
  const total = Math.round(perSecond * seconds);
  for (let i = 0; i < total && !deadline.abortedBecause; i++) {
    await sleepMs(Math.max(0, begun + (i * 1000) / perSecond - performance.now()));
    if (inFlight.size >= MAX_IN_FLIGHT) {
      behind++;
      continue;
    }
    const task = send(i).then(
      ({ id, at }) => void startedAt.set(id, at),
      (error: unknown) => void (failed++, errors.size < 5 && errors.add(messageOf(error))),
    );
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  }
  await Promise.all(inFlight);
  return { startedAt, sent: startedAt.size, failed, behind, errors: [...errors] };
}
