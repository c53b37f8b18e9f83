import { b1PathStart } from '../benchmarks/b1-path-start';
import { b2StaffCommand } from '../benchmarks/b2-staff-command';
import { b3DeadlineStorm } from '../benchmarks/b3-deadline-storm';
import { b4Appends } from '../benchmarks/b4-appends';
import { b5RelayDrain } from '../benchmarks/b5-relay-drain';
import { b6CommitLatency } from '../benchmarks/b6-commit-latency';
import { b7OpenPaths } from '../benchmarks/b7-open-paths';
import type { Benchmark } from './benchmark';

/** The suite, in the order it runs (issue 12: B1–B7). */
export const BENCHMARKS: readonly Benchmark[] = [b1PathStart, b2StaffCommand, b3DeadlineStorm, b4Appends, b5RelayDrain, b6CommitLatency, b7OpenPaths];
