import { performance } from 'node:perf_hooks';
import { type Deadline, messageOf } from './limits';

/** Distinct failure messages kept per phase: enough to say why, not a log. */
const ERRORS_KEPT = 5;

export interface LoadSpec {
  /** Calls to make in all, taken in index order by whichever lane is free. */
  readonly count: number;
  /** Lanes calling one after another: each is one user, connection or writer. */
  readonly lanes: number;
  /** No new call starts after this long: the phase's cap. */
  readonly capMs: number;
  /** One call counts as failed after this long. */
  readonly callTimeoutMs: number;
}

export interface LoadRun {
  readonly ok: number;
  readonly failed: number;
  /** The first few distinct failure messages. */
  readonly errors: readonly string[];
  /** Each successful call's latency, ms. */
  readonly latenciesMs: readonly number[];
  /** From the first call to the last answer. */
  readonly seconds: number;
  /** The cap or the suite's budget stopped the phase before `count` calls. */
  readonly capped: boolean;
}

/** Closed-loop load: each lane waits for its answer before its next call. */
export async function runLoad(spec: LoadSpec, deadline: Deadline, call: (index: number, lane: number) => Promise<void>): Promise<LoadRun> {
  const begun = performance.now();
  const stopAt = begun + spec.capMs;
  const latencies: number[] = [];
  const errors = new Set<string>();
  let next = 0;
  let failed = 0;
  const lane = async (laneIndex: number): Promise<void> => {
    while (next < spec.count && performance.now() < stopAt && !deadline.abortedBecause) {
      const index = next++;
      const callBegun = performance.now();
      try {
        await deadline.race(call(index, laneIndex), spec.callTimeoutMs);
        latencies.push(performance.now() - callBegun);
      } catch (error) {
        failed++;
        if (errors.size < ERRORS_KEPT) errors.add(messageOf(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(spec.lanes, spec.count)) }, (_, i) => lane(i)));
  const seconds = (performance.now() - begun) / 1000;
  return { ok: latencies.length, failed, errors: [...errors], latenciesMs: latencies, seconds, capped: next < spec.count };
}

/** Calls per second of a run. */
export function perSecond(run: Pick<LoadRun, 'ok' | 'seconds'>): number {
  return run.seconds > 0 ? run.ok / run.seconds : 0;
}
