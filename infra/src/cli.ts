import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { printFuzzSummary, runApiFuzz, type FuzzResult } from './api-fuzz';
import { addTotals, jestTotals, NO_TESTS, totalsLine, type Totals } from './test-totals';
import { appServices } from './apps';
import { assertChaosStack, CHAOS_CHILD_FLAG, chaosSummary, chaosTestPhase, enableProxiedKafkaListener, parseChaosArgs, runChaos, runChaosChild, stopChaosStack, type ChaosTestRun } from './chaos';
import { CHROMIUM_PATH, installChromium } from './chromium';
import { benchScaleCommand, clusterCommand, clusterStatusIfRunning, clusterTestCommand, clusterTestPhase, clusterTestTools, stopClusterIfRunning, type ClusterTestRun } from './cluster';
import { buildConsole } from './console';
import { kafka } from './kafka';
import { DATA, ensureDirs, HOST, LOGS, Ports, ROOT, RUN } from './layout';
import { Phases, print, say, warn } from './log';
import { runAttached, waitFor } from './process';
import { postgres, DATABASE_URL } from './postgres';
import { installSchemathesis } from './schemathesis';
import type { Service } from './service';
import { createTopics, migrateDatabase } from './setup';
import { temporal } from './temporal';
import { installTestServer, TEST_SERVER_PATH } from './test-server';
import { LOCAL_DEV_ENV, runScript } from './run-script';

/**
 * With POLKU_EXTERNAL_INFRA=1 (e.g. the services of infra/docker-compose.yml) nothing is
 * installed, started or stopped: we only wait until each service answers.
 */
function external(service: Service): Service {
  return {
    ...service,
    install: async () => undefined,
    async start() {
      if (!(await waitFor(() => service.healthy(), 60_000))) throw new Error(`external ${service.name} is not reachable`);
    },
    stop: async () => false,
  };
}

const INFRA: readonly Service[] = [postgres, temporal, kafka].map((service) =>
  process.env['POLKU_EXTERNAL_INFRA'] === '1' ? external(service) : service,
);

/** What every app and test process gets: the local services' addresses, and local development. */
const APP_ENV: NodeJS.ProcessEnv = {
  ...LOCAL_DEV_ENV,
  DATABASE_URL,
  TEMPORAL_ADDRESS: `${HOST}:${Ports.temporal}`,
  KAFKA_BROKERS: `${HOST}:${Ports.kafka}`,
  API_PORT: String(Ports.api),
  WORKER_HEALTH_PORT: String(Ports.workerHealth),
  RELAY_PORT: String(Ports.relay),
  MUNICIPAL_CONSUMER_PORT: String(Ports.municipalConsumer),
  WELLBEING_CONSUMER_PORT: String(Ports.wellbeingConsumer),
  TEMPORAL_TEST_SERVER_PATH: TEST_SERVER_PATH,
  // The Temporal UI of this stack (its port moves with POLKU_PORT_OFFSET): the codec endpoint's one browser origin.
  POLKU_CODEC_UI_ORIGINS: `http://${HOST}:${Ports.temporalUi}`,
  KAFKAJS_NO_PARTITIONER_WARNING: '1',
};

/** What only `npm test` needs: the time-skipping test server, Chromium, schemathesis, the manifest validator and the cluster's Temporal server. */
function testTools(): Promise<unknown>[] {
  return [installTestServer(), installChromium(), installSchemathesis(), ...clusterTestTools()];
}

async function infrastructureUp(phases: Phases, forTests: boolean): Promise<void> {
  await phases.run('install missing tools', async () => {
    await Promise.all([...INFRA.map((service) => service.install()), ...(forTests ? testTools() : [])]);
  });
  await phases.run('start PostgreSQL, Temporal, Kafka', () => Promise.all(INFRA.map((service) => service.start())));
  await phases.run('migrate database, create topics and ACLs', async () => {
    await migrateDatabase();
    await createTopics();
  });
}

/**
 * The console is built before the apps start, since the API serves it. When the build fails,
 * both commands carry on (the API serves whatever dist/apps/console holds) and say so;
 * `npm test` then fails at the end. Answers whether it failed.
 */
async function consoleUp(phases: Phases): Promise<boolean> {
  return phases.run('build console', async () => {
    try {
      const outcome = await buildConsole();
      say(outcome === 'absent' ? 'apps/console does not exist yet: nothing to build' : `console ${outcome}`);
      return false;
    } catch (error) {
      warn(`the console did not build; the API serves what dist/apps/console holds, if anything:\n${error instanceof Error ? error.message : String(error)}`);
      return true;
    }
  });
}

async function startApps(phases: Phases, restart: boolean): Promise<void> {
  const apps = appServices(APP_ENV);
  if (restart) await phases.run('stop running apps', () => Promise.all(apps.map((app) => app.stop())));
  await phases.run('start apps', async () => {
    for (const app of apps) await app.start();
  });
}

function printEndpoints(): void {
  const api = `http://${HOST}:${Ports.api}`;
  print('\nPolku is running:');
  print(`  Console             ${api}/`);
  print(`  API                 ${api}   (health: /health)`);
  print(`  API docs            ${api}/docs   (OpenAPI: /docs/openapi.json)`);
  print(`  API metrics         ${api}/metrics`);
  print(`  Temporal UI         http://${HOST}:${Ports.temporalUi}`);
  print(`  Temporal gRPC       ${HOST}:${Ports.temporal}`);
  print(`  Kafka               ${HOST}:${Ports.kafka}   (KRaft controller ${HOST}:${Ports.kafkaController})`);
  print(`  PostgreSQL          postgres://polku:***@${HOST}:${Ports.postgres}/polku   (password: polku)`);
  print(`  Worker health       http://${HOST}:${Ports.workerHealth}/health`);
  print(`  Relay health        http://${HOST}:${Ports.relay}/health   (outbox → Kafka)`);
  print(`  Municipal consumer  http://${HOST}:${Ports.municipalConsumer}/read/active-paths-by-stage   (health: /health)`);
  print(`  Wellbeing consumer  http://${HOST}:${Ports.wellbeingConsumer}/read/open-referrals   (health: /health)`);
  print(`  Temporal HTTP API   http://${HOST}:${Ports.temporalHttp}, metrics http://${HOST}:${Ports.temporalMetrics}/metrics`);
  print('Dev token (coach; roles intake, coach, wellbeing, manager, admin), then -H "Authorization: Bearer <accessToken>":');
  print(`  curl -s -X POST ${api}/dev-issuer/token -H 'content-type: application/json' -d '{"userId":"coach.virtanen","role":"coach","employmentArea":"Pirkanmaa"}'`);
  print('Logs: .polku/logs/   Stop everything: npm stop   Health: npm run status');
}

interface TestRun {
  readonly code: number;
  /** jest's tests, the chaos ledger's checks and the API fuzz's cases. */
  readonly totals: Totals;
  /** What the extra runners print before the totals: the chaos table and a line per fault, the API fuzz's line. */
  readonly notes: readonly string[];
}

/**
 * The chaos stack's Temporal starts empty each run (when it is not running already): a run judges
 * only its own paths, and the paths of earlier runs, whose workers are gone, would keep its one
 * SQLite connection busy with their timers at start-up (seen: the server missing its own start
 * deadline after a few runs).
 */
async function freshChaosTemporal(): Promise<void> {
  if (await temporal.healthy()) return;
  await temporal.stop();
  rmSync(join(DATA, 'temporal'), { recursive: true, force: true });
}

/** `npm run chaos` in the child process, on the chaos stack: set it up as `npm start` does, run, report. */
async function chaosOnItsStack(args: readonly string[]): Promise<number> {
  assertChaosStack();
  const options = parseChaosArgs(args);
  const spec = { infra: { postgres, temporal, kafka }, directEnv: APP_ENV };
  if (options.stop) {
    await stopChaosStack(spec);
    say('chaos stack stopped');
    return 0;
  }
  enableProxiedKafkaListener();
  const phases = new Phases();
  await freshChaosTemporal();
  await infrastructureUp(phases, false);
  const ledger = await runChaos(options, spec, phases);
  phases.report();
  if (!options.quiet) for (const line of ['', ...chaosSummary(ledger)]) print(line);
  return ledger.verdict === 'passed' ? 0 : 1;
}

async function runTests(phases: Phases): Promise<TestRun> {
  const summary = join(RUN, 'test-summary.jsonl');
  rmSync(summary, { force: true });
  const env = {
    ...process.env,
    ...APP_ENV,
    CHROMIUM_PATH,
    POLKU_TEST_SUMMARY: summary,
    NX_DAEMON: 'false',
    NX_TUI: 'false',
    NX_NO_CLOUD: 'true',
  };
  const extra: TestExtras = {};
  const code = await runChecks(phases, env, extra);
  return {
    code,
    totals: addTotals(jestTotals(summary), extra.chaos?.totals ?? NO_TESTS, extra.cluster?.totals ?? NO_TESTS, extra.bench?.totals ?? NO_TESTS, extra.fuzz?.totals ?? NO_TESTS),
    notes: [...(extra.chaos?.notes ?? []), ...(extra.cluster?.notes ?? []), ...(extra.bench?.notes ?? []), ...(extra.fuzz ? [extra.fuzz.line] : [])],
  };
}

/** What a runner beside jest adds to `npm test`: its exit code, its tests, the lines it prints before the totals. */
interface TestPhaseRun {
  readonly code: number;
  readonly totals: Totals;
  readonly notes: readonly string[];
}

/**
 * The benchmarks' smoke profile (bench/smoke-phase.ts, docs/benchmarks.md): every benchmark at
 * small sizes; each correctness check is a test, the figures are only printed.
 */
async function benchSmokePhase(phases: Phases, env: NodeJS.ProcessEnv): Promise<TestPhaseRun> {
  if (process.env['POLKU_SKIP_BENCH'] === '1') {
    say('benchmarks (smoke) skipped (POLKU_SKIP_BENCH=1)');
    return { code: 0, totals: NO_TESTS, notes: [] };
  }
  const [summary, out] = [join(RUN, 'bench-smoke.json'), openSync(join(LOGS, 'bench-smoke.log'), 'w')];
  rmSync(summary, { force: true });
  const run = () => runAttached(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'bench', 'smoke-phase.ts'), summary], { cwd: ROOT, env, stdio: ['ignore', out, out] });
  const code = await phases.run('benchmarks (smoke)', run).finally(() => closeSync(out));
  if (!existsSync(summary)) return { code: code || 1, totals: { ...NO_TESTS, failed: 1 }, notes: [`benchmarks (smoke): ✘ no summary (exit ${code}); see .polku/logs/bench-smoke.log`] };
  return { code, ...(JSON.parse(readFileSync(summary, 'utf8')) as Pick<TestPhaseRun, 'totals' | 'notes'>) };
}

/**
 * Typecheck and lint stop the run at the first failure. The chaos ledger and the API fuzz run
 * after the jest run whatever jest's outcome, since each tests running processes on its own;
 * the first failure's exit code is the run's. schemathesis's own output goes to its log file only.
 */
interface TestExtras {
  fuzz?: FuzzResult;
  chaos?: ChaosTestRun;
  cluster?: ClusterTestRun;
  bench?: TestPhaseRun;
}

async function runChecks(phases: Phases, env: NodeJS.ProcessEnv, extra: TestExtras): Promise<number> {
  const nx = ['exec', '--', 'nx', 'run-many', '--parallel=1', '--outputStyle=stream'];
  for (const [label, command, args] of [
    ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']],
    ['lint', 'npm', [...nx, '-t', 'lint']],
  ] as const) {
    const code = await phases.run(label, () => runAttached(command, args, { cwd: ROOT, env }));
    if (code !== 0) {
      warn(`${label} failed (exit ${code})`);
      return code;
    }
  }
  const label = 'jest (unit, integration, e2e)';
  const tests = await phases.run(label, () => runAttached('npm', [...nx, '-t', 'test'], { cwd: ROOT, env }));
  if (tests !== 0) warn(`${label} failed (exit ${tests})`);
  extra.chaos = await chaosTestPhase(phases);
  if (extra.chaos.code !== 0) warn('chaos ledger failed; see .polku/artifacts/chaos/ledger.json and .polku/logs/chaos.log');
  // The cluster suite (issue 13): the production topology's failover, on a stack of its own.
  extra.cluster = await clusterTestPhase(phases);
  if (extra.cluster.code !== 0) warn('cluster failover suite failed; see .polku/artifacts/cluster/failover.json and .polku/logs/cluster.log');
  // The benchmarks' smoke profile (docs/benchmarks.md): their checks count as tests, their figures are only printed.
  extra.bench = await benchSmokePhase(phases, env);
  if (extra.bench.code !== 0) warn('benchmarks (smoke) failed; see .polku/logs/bench-smoke.log');
  const before = tests !== 0 ? tests : extra.chaos.code !== 0 ? extra.chaos.code : extra.cluster.code !== 0 ? extra.cluster.code : extra.bench.code;
  if (process.env['POLKU_SKIP_API_FUZZ'] === '1') {
    say('API fuzz skipped (POLKU_SKIP_API_FUZZ=1)');
    return before;
  }
  extra.fuzz = await phases.run('API fuzz (schemathesis)', () => runApiFuzz());
  if (extra.fuzz.code !== 0) warn('API fuzz failed; see .polku/logs/schemathesis/');
  return before !== 0 ? before : extra.fuzz.code;
}

const commands: Record<string, () => Promise<number>> = {
  async up() {
    const phases = new Phases();
    await infrastructureUp(phases, false);
    phases.report();
    return 0;
  },
  async start() {
    const phases = new Phases();
    await infrastructureUp(phases, false);
    await consoleUp(phases);
    await startApps(phases, false);
    phases.report();
    printEndpoints();
    return 0;
  },
  async test() {
    const phases = new Phases();
    await infrastructureUp(phases, true);
    const consoleFailed = await consoleUp(phases);
    await startApps(phases, true);
    const run = await runTests(phases);
    phases.report();
    print('');
    for (const note of run.notes) print(note);
    if (consoleFailed) print('console build: ✘ failed (nx run console:build; see .polku/logs/console-build.log)');
    // Last: CI reads this line, and nothing of another tool's may follow it.
    print(totalsLine(run.totals));
    return run.code !== 0 ? run.code : consoleFailed ? 1 : 0;
  },
  /** `npm run test:api-fuzz [-- <schemathesis run options>]`: the API fuzz alone, against the running API. */
  async 'api-fuzz'() {
    const phases = new Phases();
    await phases.run('install schemathesis', () => installSchemathesis());
    const result = await phases.run('API fuzz (schemathesis)', () => runApiFuzz({ extraArgs: process.argv.slice(3), echo: true }));
    phases.report();
    print('');
    printFuzzSummary(result);
    return result.code;
  },
  /**
   * `npm run chaos [-- --full --keep --only=F1,F3 | --stop]`: every fault against the chaos stack's real
   * processes under load, then the ledger (infra/src/chaos, docs/chaos.md). This process starts
   * a child with the chaos stack's environment, which sets the stack up and runs.
   */
  async chaos() {
    const args = process.argv.slice(3);
    if (process.env[CHAOS_CHILD_FLAG] === '1') return chaosOnItsStack(args);
    parseChaosArgs(args); // a wrong argument fails here, before anything starts
    return (await runChaosChild(args)).code;
  },
  async migrate() {
    await migrateDatabase();
    return 0;
  },
  /** `bash infra/polku run <script.ts> [args]`: what the `npm run` scripts go through (infra/src/run-script.ts). */
  run: () => runScript(process.argv.slice(3), APP_ENV),
  /** `npm run cluster [-- --stop | --status]`: the production topology beside this stack (infra/src/cluster, docs/cluster.md). */
  cluster: () => clusterCommand(APP_ENV)(process.argv.slice(3)),
  'cluster-test': () => clusterTestCommand(APP_ENV)(process.argv.slice(3)),
  'bench-scale': () => benchScaleCommand(APP_ENV)(process.argv.slice(3)),
  async stop() {
    for (const service of [...appServices(APP_ENV).reverse(), ...[...INFRA].reverse()]) {
      say(`${service.name}: ${(await service.stop()) ? 'stopped' : 'was not running'}`);
    }
    await stopClusterIfRunning();
    return 0;
  },
  async status() {
    let allUp = true;
    for (const service of [...INFRA, ...appServices(APP_ENV)]) {
      const up = await service.healthy();
      allUp &&= up;
      print(`${up ? '✔ healthy  ' : '✘ down     '} ${service.name.padEnd(10)} ${service.endpoints.join(', ')}`);
    }
    allUp = (await clusterStatusIfRunning()) && allUp;
    return allUp ? 0 : 1;
  },
};

async function main(): Promise<void> {
  const name = process.argv[2] ?? 'start';
  const command = commands[name];
  if (!command) {
    print(`usage: infra/polku ${Object.keys(commands).join('|')}`);
    process.exit(2);
  }
  ensureDirs();
  process.exitCode = await command();
}

main().catch((error: unknown) => {
  warn(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
