import { FI_POLICY_VERSIONS, helsinkiDateOf, type PathCommand, type PolicyVersion } from '@polku/domain';

export const TEMPORAL_ADDRESS = '127.0.0.1:7233';
export const NAMESPACE = 'default';
const DEFAULT_DATABASE_URL = 'postgres://polku:polku@127.0.0.1:5432/polku';
const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

export interface BenchOptions {
  readonly n: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly keepRows: boolean;
  readonly databaseUrl: string;
}

/** `--n=` / BENCH_N, `--concurrency=` / BENCH_CONCURRENCY, `--timeout-s=` / BENCH_TIMEOUT_S, `--keep-rows`. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flag = (name: string): string | undefined => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const databaseUrl = env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL;
  if (!LOOPBACK.has(new URL(databaseUrl).hostname)) throw new Error('DATABASE_URL must point at 127.0.0.1: the benchmark only talks to the local services');
  return {
    n: positive('n', flag('n') ?? env['BENCH_N'], 2_000, 50_000),
    concurrency: positive('concurrency', flag('concurrency') ?? env['BENCH_CONCURRENCY'], 50, 500),
    timeoutMs: positive('timeout-s', flag('timeout-s') ?? env['BENCH_TIMEOUT_S'], 600, 3_600) * 1000,
    keepRows: argv.includes('--keep-rows'),
    databaseUrl,
  };
}

function positive(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be a whole number from 1 to ${max}, got ${raw}`);
  return value;
}

/** Lower-case alphanumerics only: it ends up inside client references. */
export function newRunId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

const COACH = { userId: 'bench-coach', role: 'coach' } as const;

/** A coach starting a path today; one client reference per path (the DB allows one active path each). */
export function startPathCommand(pathId: string, clientReference: string, runId: string): PathCommand {
  const occurredAt = new Date().toISOString();
  return {
    type: 'StartPath',
    data: {
      pathId,
      clientReference,
      employmentArea: 'Hämeenlinnan seudun työllisyysalue',
      municipality: 'Hattula',
      referralSource: 'SELF_REGISTRATION',
      registeredOn: helsinkiDateOf(occurredAt),
      coachId: COACH.userId,
      consents: [],
    },
    metadata: { occurredAt, actor: COACH, correlationId: `bench-${runId}` },
  };
}

/** The current Finnish policy with the initial interview due 2 s after the start: one firing per path. */
export function drillPolicy(): PolicyVersion {
  const current = FI_POLICY_VERSIONS[1];
  if (!current) throw new Error('FI_POLICY_VERSIONS[1] is missing');
  return {
    ...current,
    id: 'BENCH-DRILL-2S',
    validFrom: '2000-01-01',
    rules: { ...current.rules, 'INIT-INTERVIEW': { deadline: { after: { seconds: 2 } }, onDeadline: 'MISSED', reminders: [] } },
  };
}

/** Nearest-rank percentile of `values` (unsorted); undefined when empty. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
