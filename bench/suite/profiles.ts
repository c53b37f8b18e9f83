/**
 * Every bound of a run, by profile. `full` is the sizes (B3 10,000 items, B7 30,000
 * paths), each phase capped so the run ends; `smoke` is the same code at sizes that finish in
 * under a minute, run by `npm test` so the benchmarks cannot rot (its ratios are not judged).
 */
export interface Profile {
  readonly name: 'full' | 'smoke';
  /** Concurrent Temporal client calls when starting paths or baseline workflows (B1, B3, B7). */
  readonly startLanes: number;
  readonly b1: { readonly starts: number; readonly capS: number };
  /** Each user is one lane on a path of its own; each phase is capped. */
  readonly b2: { readonly users: readonly number[]; readonly commandsPerUser: number; readonly capS: number };
  /** Start phases end before the due instant; firings are awaited at most `fireCapS` after it. */
  readonly b3: { readonly items: number; readonly startCapS: number; readonly fireCapS: number };
  readonly b4: { readonly writers: readonly number[]; readonly seconds: number };
  /** Each path of the backlog is two events. */
  readonly b5: { readonly backlogPaths: number; readonly drainCapS: number };
  readonly b6: { readonly perSecond: number; readonly seconds: number; readonly settleS: number };
  /** One path in `dueEvery` has an item due `dueAfterS` after its own start. */
  readonly b7: { readonly paths: number; readonly dueEvery: number; readonly dueAfterS: number; readonly openCapS: number; readonly fireCapS: number };
  /** The whole run, set-up and clean-up included: past it, what runs is cut short. */
  readonly timeoutS: number;
}

export const FULL: Profile = {
  name: 'full',
  startLanes: 50,
  b1: { starts: 1_000, capS: 120 },
  b2: { users: [1, 16], commandsPerUser: 100, capS: 60 },
  b3: { items: 10_000, startCapS: 480, fireCapS: 480 },
  b4: { writers: [1, 10, 50], seconds: 10 },
  b5: { backlogPaths: 10_000, drainCapS: 120 },
  b6: { perSecond: 100, seconds: 20, settleS: 15 },
  // 30,000 starts took 914 s (32.8/s) in the run of 1 December 2026 (bench/results/2026-12-01T23-34-57-746Z); a 480 s cap opened only 17,528.
  b7: { paths: 30_000, dueEvery: 30, dueAfterS: 60, openCapS: 1_200, fireCapS: 120 },
  timeoutS: 3_600,
};

export const SMOKE: Profile = {
  name: 'smoke',
  startLanes: 20,
  b1: { starts: 20, capS: 20 },
  b2: { users: [1, 16], commandsPerUser: 3, capS: 15 },
  b3: { items: 20, startCapS: 15, fireCapS: 20 },
  b4: { writers: [1, 50], seconds: 1 },
  b5: { backlogPaths: 100, drainCapS: 15 },
  b6: { perSecond: 40, seconds: 2, settleS: 5 },
  b7: { paths: 30, dueEvery: 5, dueAfterS: 3, openCapS: 20, fireCapS: 20 },
  timeoutS: 150,
};
