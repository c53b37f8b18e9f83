import { join, resolve } from 'node:path';
import { HOME } from '../../infra/src/layout';
import { FULL, type Profile, SMOKE } from './profiles';

export const BENCHMARK_IDS = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7'] as const;
export type BenchmarkId = (typeof BENCHMARK_IDS)[number];

export interface SuiteOptions {
  readonly profile: Profile;
  readonly only: ReadonlySet<BenchmarkId>;
  /** Where `<timestamp>.json` and `.md` go. */
  readonly resultsDir: string;
  /** Instead: exactly this `.json` (and its `.md` beside it); `npm test` reads it back. */
  readonly resultsFile?: string;
}

/** Full runs are kept with the code; smoke runs (every `npm test`) with the local artifacts. */
const DEFAULT_RESULTS = { full: resolve(__dirname, '..', 'results'), smoke: join(HOME, 'artifacts', 'bench') } as const;
const MAX = { starts: 100_000, storm: 100_000, open: 200_000, lanes: 500, 'timeout-s': 7_200 } as const;

/**
 * `npm run bench [-- --smoke] [--only=B1,B3] [--starts=N] [--storm=N] [--open=N] [--lanes=N]
 * [--timeout-s=N] [--results-dir=DIR | --results-file=FILE.json]`: --starts sizes B1, --storm
 * B3's items, --open B7's paths, --lanes the concurrent starts.
 */
export function parseOptions(argv: readonly string[]): SuiteOptions {
  const known = ['--smoke', '--only=', '--starts=', '--storm=', '--open=', '--lanes=', '--timeout-s=', '--results-dir=', '--results-file='];
  const unknown = argv.filter((arg) => !known.some((flag) => (flag.endsWith('=') ? arg.startsWith(flag) : arg === flag)));
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(' ')}; see bench/suite/options.ts`);
  const flag = (name: string): string | undefined => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const base = argv.includes('--smoke') ? SMOKE : FULL;
  const whole = (name: keyof typeof MAX, fallback: number): number => wholeNumber(name, flag(name), fallback, MAX[name]);
  const profile: Profile = {
    ...base,
    startLanes: whole('lanes', base.startLanes),
    b1: { ...base.b1, starts: whole('starts', base.b1.starts) },
    b3: { ...base.b3, items: whole('storm', base.b3.items) },
    b7: { ...base.b7, paths: whole('open', base.b7.paths) },
    timeoutS: whole('timeout-s', base.timeoutS),
  };
  const resultsFile = flag('results-file');
  if (resultsFile !== undefined && !resultsFile.endsWith('.json')) throw new Error(`--results-file must name a .json file, got ${resultsFile}`);
  return {
    profile,
    only: onlyOf(flag('only')),
    resultsDir: resolve(flag('results-dir') ?? DEFAULT_RESULTS[base.name]),
    ...(resultsFile === undefined ? {} : { resultsFile: resolve(resultsFile) }),
  };
}

function onlyOf(raw: string | undefined): ReadonlySet<BenchmarkId> {
  if (raw === undefined) return new Set(BENCHMARK_IDS);
  const ids = raw.split(',').map((id) => id.trim().toUpperCase());
  const wrong = ids.filter((id) => !(BENCHMARK_IDS as readonly string[]).includes(id));
  if (wrong.length > 0 || ids.length === 0) throw new Error(`--only takes ${BENCHMARK_IDS.join(',')}, got ${raw}`);
  return new Set(ids as BenchmarkId[]);
}

function wholeNumber(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be a whole number from 1 to ${max}, got ${raw}`);
  return value;
}
