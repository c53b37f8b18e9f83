import type { BenchEnvironment, EnvironmentNeeds } from '../env/environment';
import type { Deadline } from '../support/limits';
import type { BenchmarkId } from './options';
import type { Profile } from './profiles';
import type { BenchResult } from './result';

/** What a benchmark gets: the run's environment, its profile and the suite's time budget. */
export interface BenchContext {
  readonly env: BenchEnvironment;
  readonly profile: Profile;
  readonly deadline: Deadline;
  /** Figures earlier benchmarks measured that later ones size themselves by (B3's start budget). */
  readonly memo: { pathStartsPerSecond?: number; baselineStartsPerSecond?: number };
}

export interface Benchmark {
  readonly id: BenchmarkId;
  readonly title: string;
  /** What of the environment it uses, so the set-up starts only that. */
  readonly needs: Partial<EnvironmentNeeds>;
  run(ctx: BenchContext): Promise<Omit<BenchResult, 'id' | 'title' | 'seconds'>>;
}

/** A Temporal call (a start with its update, a command) counts as failed after this long. */
export const CALL_TIMEOUT_MS = 120_000;
/** A wait for counts gives up when they have not moved for this long. */
export const STALLED_AFTER_MS = 90_000;
