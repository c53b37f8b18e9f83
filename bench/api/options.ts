import { loopbackBase } from '../../infra/src/local-api';

export const COACH_ID = 'bench.coach';

export interface Options {
  readonly base: string;
  readonly connections: number;
  readonly helloSeconds: number;
  readonly starts: number;
  readonly commands: number;
  readonly phaseSeconds: number;
  readonly timeoutSeconds: number;
  readonly area: string;
  readonly municipality: string;
  readonly keep: boolean;
}

/** `--name=` flags, else BENCH_API_* variables (listed in bench/api.bench.ts), else the defaults. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  const flag = (name: string, variable: string): string | undefined => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? env[variable];
  return {
    base: loopbackBase(env['BENCH_API_URL'] ?? 'http://127.0.0.1:3000', 'BENCH_API_URL'),
    connections: whole('connections', flag('connections', 'BENCH_API_CONNECTIONS'), 16, 512),
    helloSeconds: whole('hello-s', flag('hello-s', 'BENCH_API_HELLO_S'), 10, 600),
    starts: whole('starts', flag('starts', 'BENCH_API_STARTS'), 800, 50_000),
    commands: whole('commands', flag('commands', 'BENCH_API_COMMANDS'), 1_500, 200_000),
    phaseSeconds: whole('phase-s', flag('phase-s', 'BENCH_API_PHASE_S'), 35, 1_800),
    timeoutSeconds: whole('timeout-s', flag('timeout-s', 'BENCH_API_TIMEOUT_S'), 240, 7_200),
    area: env['BENCH_API_AREA'] ?? 'Polku API bench',
    municipality: env['BENCH_API_MUNICIPALITY'] ?? 'Hattula',
    keep: argv.includes('--keep'),
  };
}

function whole(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be a whole number from 1 to ${max}, got ${raw}`);
  return value;
}
