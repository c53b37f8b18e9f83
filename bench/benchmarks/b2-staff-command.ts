import { type Benchmark, type BenchContext, CALL_TIMEOUT_MS } from '../suite/benchmark';
import { check, type Check, msOf, perSecondOf, row, type Row } from '../suite/result';
import { HttpClient } from '../support/http-client';
import { type LoadRun, perSecond, runLoad } from '../support/load';
import { BENCH_AREA, BENCH_COACH, pathIdOf, pathsLike, startPath, startPathCommand } from '../support/paths';
import { progress } from '../support/progress';
import { spread } from '../support/stats';
import { sendByApi, sendByClient } from './b2-commands';

/** The issue's goals: what the API may add to a command, and the throughput it must keep. */
const API_ADDED_P50_MS = 5;
const THROUGHPUT_RATIO = 0.9;

interface Side {
  readonly tag: string;
  readonly paths: readonly string[];
  readonly run: LoadRun;
  /** Commands sent and answered (warm-up included). */
  readonly sent: number;
}

/**
 * B2 — a staff command (record-consent) through the API with an Idempotency-Key against the same
 * command sent by the Temporal client straight to the path's Update, at each number of
 * concurrent users; each user works on a path of its own, one command after another.
 */
export const b2StaffCommand: Benchmark = {
  id: 'B2',
  title: 'staff command via the API with Idempotency-Key',
  needs: { paths: true, api: true },
  async run(ctx) {
    await ctx.env.children.worker('main');
    const api = await ctx.env.children.api();
    const token = await api.token({ userId: BENCH_COACH.userId, role: BENCH_COACH.role, employmentArea: BENCH_AREA });
    const http = new HttpClient(api.base, Math.max(...ctx.profile.b2.users));
    try {
      const rows: Row[] = [];
      const checks: Check[] = [];
      const notes: string[] = [];
      for (const users of ctx.profile.b2.users) {
        const [client, viaApi] = await measureAt(ctx, users, http, token);
        rows.push(...rowsAt(users, client.run, viaApi.run));
        checks.push(await storedOnce(ctx, `client, ${usersOf(users)}`, client), await storedOnce(ctx, `API, ${usersOf(users)}`, viaApi));
        notes.push(`${usersOf(users)}: ${describe('client', client.run)}; ${describe('API', viaApi.run)}`);
      }
      checks.push(await replayCheck(ctx, http, token));
      return { rows, checks, notes: [...notes, `the API under test: ${api.base} (apps/api/src/main.ts on the run's database and namespace)`] };
    } finally {
      http.close();
    }
  },
};

async function measureAt(ctx: BenchContext, users: number, http: HttpClient, token: string): Promise<[Side, Side]> {
  const tagOf = (side: 'c' | 'a'): string => `b2${side}${users.toString(16).padStart(2, '0')}000`;
  const [clientPaths, apiPaths] = [await openPaths(ctx, tagOf('c'), users), await openPaths(ctx, tagOf('a'), users)];
  const byClient = (paths: readonly string[], prefix: string) => (i: number, lane: number) => sendByClient(ctx.env.client, paths[lane] ?? '', i, `${prefix}-${i}`);
  const byApi = (paths: readonly string[], prefix: string) => async (i: number, lane: number) => void (await sendByApi(http, token, paths[lane] ?? '', i, `${prefix}.${i}`));
  // One command per path first, unmeasured: caches, connections and each path's first task.
  await runLoad({ count: users, lanes: users, capMs: CALL_TIMEOUT_MS, callTimeoutMs: CALL_TIMEOUT_MS }, ctx.deadline, byClient(clientPaths, `warm-${tagOf('c')}`));
  await runLoad({ count: users, lanes: users, capMs: CALL_TIMEOUT_MS, callTimeoutMs: CALL_TIMEOUT_MS }, ctx.deadline, byApi(apiPaths, `warm.${tagOf('a')}`));
  const spec = { count: users * ctx.profile.b2.commandsPerUser, lanes: users, capMs: ctx.profile.b2.capS * 1000, callTimeoutMs: CALL_TIMEOUT_MS };
  progress(`B2 client, ${usersOf(users)}: ${spec.count} commands`);
  const client = await runLoad(spec, ctx.deadline, byClient(clientPaths, `bench-${tagOf('c')}`));
  progress(`B2 API, ${usersOf(users)}: ${spec.count} commands`);
  const viaApi = await runLoad(spec, ctx.deadline, byApi(apiPaths, `bench.${tagOf('a')}`));
  return [
    { tag: tagOf('c'), paths: clientPaths, run: client, sent: users + client.ok },
    { tag: tagOf('a'), paths: apiPaths, run: viaApi, sent: users + viaApi.ok },
  ];
}

/** The users' paths, started through the client (not measured). */
async function openPaths(ctx: BenchContext, tag: string, count: number): Promise<string[]> {
  const paths = Array.from({ length: count }, (_, i) => pathIdOf(tag, i));
  const started = await runLoad({ count, lanes: count, capMs: CALL_TIMEOUT_MS, callTimeoutMs: CALL_TIMEOUT_MS }, ctx.deadline, (i) =>
    startPath(ctx.env.client, startPathCommand(paths[i] ?? '', tag, i, new Date().toISOString())).then(() => undefined),
  );
  if (started.ok !== count) throw new Error(`B2 could not start its paths: ${started.errors.join(' | ')}`);
  return paths;
}

function rowsAt(users: number, client: LoadRun, viaApi: LoadRun): Row[] {
  const [apiP50, clientP50] = [spread(viaApi.latenciesMs).p50, spread(client.latenciesMs).p50];
  return [
    row(`API-added p50, ${usersOf(users)}`, msOf(apiP50 - clientP50), msOf(clientP50), { kind: 'at-most', max: API_ADDED_P50_MS, unit: 'ms' }),
    row(`commands/s, ${usersOf(users)}`, perSecondOf(perSecond(viaApi)), perSecondOf(perSecond(client)), { kind: 'ratio-at-least', min: THROUGHPUT_RATIO }),
  ];
}

/** Every answered command stored exactly once: one ConsentRecorded per command id, no more. */
async function storedOnce(ctx: BenchContext, what: string, side: Side): Promise<Check> {
  const { rows } = await ctx.env.db.pool.query<{ events: number; commands: number }>(
    "SELECT count(*)::int AS events, count(DISTINCT metadata->>'commandId')::int AS commands FROM events WHERE event_type = 'ConsentRecorded' AND stream_id LIKE $1",
    [pathsLike(side.tag)],
  );
  const { events = 0, commands = 0 } = rows[0] ?? {};
  const ok = side.run.failed === 0 && events === side.sent && commands === side.sent;
  return check(`${what}: every command answered and stored once`, ok, `${side.sent} answered, ${side.run.failed} failed; ${events} ConsentRecorded with ${commands} distinct command ids`);
}

/** The same request again with its key: answered from the store, nothing appended. */
async function replayCheck(ctx: BenchContext, http: HttpClient, token: string): Promise<Check> {
  const pathId = pathIdOf('b2e00000', 0);
  await openPaths(ctx, 'b2e00000', 1);
  const count = async (): Promise<number> => (await ctx.env.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [pathId])).rows[0]?.n ?? -1;
  const first = await sendByApi(http, token, pathId, 0, 'bench.b2.replay');
  const before = await count();
  const again = await sendByApi(http, token, pathId, 0, 'bench.b2.replay');
  const after = await count();
  return check('a repeated Idempotency-Key is replayed, not applied', !first.replayed && again.replayed && before === after, `first ${first.replayed ? 'replayed' : 'applied'}, repeat ${again.replayed ? 'replayed' : 'applied'}; events ${before} → ${after}`);
}

const usersOf = (users: number): string => (users === 1 ? '1 user' : `${users} users`);

function describe(side: string, run: LoadRun): string {
  const { p50, p99 } = spread(run.latenciesMs);
  return `${side} ${run.ok} ok, ${run.failed} failed in ${run.seconds.toFixed(1)} s${run.capped ? ' (capped)' : ''}, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms${run.errors.length ? ` [${run.errors.join(' | ')}]` : ''}`;
}
