import autocannon from 'autocannon';
import { errorCodeOf } from '../../infra/src/local-api';
import type { Options } from './options';

export interface Measurement {
  readonly label: string;
  readonly what: string;
  readonly sent: number;
  readonly responses: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
  /** Cut short by the phase's time cap before its request count. */
  readonly capped: boolean;
  /** "409 PATH.CLIENT_HAS_ACTIVE_PATH × 3", … */
  readonly statuses: readonly string[];
  readonly perSecond: number;
}

export interface Phase {
  readonly label: string;
  readonly what: string;
  readonly request: autocannon.Request;
  /** A request count, capped at `seconds`; without it the phase runs for `seconds`. */
  readonly amount?: number;
  readonly seconds: number;
  readonly onBody?: (status: number, body: string) => void;
}

/** Runs the phase with autocannon as the token's user, counting 2xx answers and the others by status and code. */
export async function measure(options: Options, token: string, phase: Phase): Promise<Measurement> {
  const statuses = new Map<string, number>();
  let ok = 0;
  const request: autocannon.Request = {
    ...phase.request,
    onResponse: (status: number, body: string) => {
      if (status >= 200 && status < 300) ok++;
      else {
        const key = `${status} ${codeOf(body)}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
      phase.onBody?.(status, body);
    },
  };
  const begun = process.hrtime.bigint();
  const { result, capped } = await run(options, token, request, phase);
  const seconds = Number(process.hrtime.bigint() - begun) / 1e9;
  return {
    label: phase.label,
    what: phase.what,
    sent: result.requests.sent,
    responses: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    capped,
    statuses: [...statuses].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key} × ${count}`),
    perSecond: result.requests.total / seconds,
  };
}

/** One autocannon run; a phase with a request count is stopped at its time cap (`capped`). */
function run(options: Options, token: string, request: autocannon.Request, phase: Phase): Promise<{ result: autocannon.Result; capped: boolean }> {
  return new Promise((resolve, reject) => {
    let capped = false;
    const instance = autocannon(
      {
        url: options.base,
        connections: options.connections,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [request],
        timeout: 30,
        ...(phase.amount === undefined ? { duration: phase.seconds } : { amount: phase.amount }),
      },
      (error: Error | null, result: autocannon.Result) => (error ? reject(error) : resolve({ result, capped })),
    );
    if (phase.amount === undefined) return;
    const cap = setTimeout(() => {
      capped = true;
      instance.stop();
    }, phase.seconds * 1000);
    instance.on('done', () => clearTimeout(cap));
  });
}

/** The error code in an answer's JSON body, or ''. */
export function codeOf(body: string): string {
  try {
    return errorCodeOf(JSON.parse(body));
  } catch {
    return '';
  }
}
