import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appServices } from './apps';
import { kafka } from './kafka';
import { ensureDirs, HOST, Ports, ROOT, RUN } from './layout';
import { Phases, print, say, warn } from './log';
import { runAttached, waitFor } from './process';
import { postgres, DATABASE_URL } from './postgres';
import type { Service } from './service';
import { createTopics, migrateDatabase } from './setup';
import { temporal } from './temporal';
import { installTestServer, TEST_SERVER_PATH } from './test-server';

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

/** What every app and test process gets: the local services' addresses. */
const APP_ENV: NodeJS.ProcessEnv = {
  DATABASE_URL,
  TEMPORAL_ADDRESS: `${HOST}:${Ports.temporal}`,
  KAFKA_BROKERS: `${HOST}:${Ports.kafka}`,
  API_PORT: String(Ports.api),
  WORKER_HEALTH_PORT: String(Ports.workerHealth),
  RELAY_PORT: String(Ports.relay),
  MUNICIPAL_CONSUMER_PORT: String(Ports.municipalConsumer),
  WELLBEING_CONSUMER_PORT: String(Ports.wellbeingConsumer),
  TEMPORAL_TEST_SERVER_PATH: TEST_SERVER_PATH,
  KAFKAJS_NO_PARTITIONER_WARNING: '1',
};

async function infrastructureUp(phases: Phases, withTestServer: boolean): Promise<void> {
  await phases.run('install missing tools', async () => {
    await Promise.all([...INFRA.map((service) => service.install()), withTestServer ? installTestServer() : undefined]);
  });
  await phases.run('start PostgreSQL, Temporal, Kafka', () => Promise.all(INFRA.map((service) => service.start())));
  await phases.run('migrate database, create topics and ACLs', async () => {
    await migrateDatabase();
    await createTopics();
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
  print('\nPolku is running:');
  print(`  API                 http://${HOST}:${Ports.api}   (health: /health)`);
  print(`  Temporal UI         http://${HOST}:${Ports.temporalUi}`);
  print(`  Temporal gRPC       ${HOST}:${Ports.temporal}`);
  print(`  Kafka               ${HOST}:${Ports.kafka}   (KRaft controller ${HOST}:${Ports.kafkaController})`);
  print(`  PostgreSQL          postgres://polku:***@${HOST}:${Ports.postgres}/polku   (password: polku)`);
  print(`  Worker health       http://${HOST}:${Ports.workerHealth}/health`);
  print(`  Relay health        http://${HOST}:${Ports.relay}/health   (outbox → Kafka)`);
  print(`  Municipal consumer  http://${HOST}:${Ports.municipalConsumer}/read/active-paths-by-stage   (health: /health)`);
  print(`  Wellbeing consumer  http://${HOST}:${Ports.wellbeingConsumer}/read/open-referrals   (health: /health)`);
  print(`  Temporal HTTP API   http://${HOST}:${Ports.temporalHttp}, metrics http://${HOST}:${Ports.temporalMetrics}/metrics`);
  print('Logs: .polku/logs/   Stop everything: npm stop   Health: npm run status');
}

async function runTests(phases: Phases): Promise<number> {
  const summary = join(RUN, 'test-summary.jsonl');
  rmSync(summary, { force: true });
  const env = { ...process.env, ...APP_ENV, POLKU_TEST_SUMMARY: summary, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' };
  try {
    return await runChecks(phases, env);
  } finally {
    printTestSummary(summary);
  }
}

/** One closing line for the whole suite, summed over every project's jest run. */
function printTestSummary(file: string): void {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean) : [];
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const line of lines) {
    const run = JSON.parse(line) as typeof totals;
    totals.passed += run.passed;
    totals.failed += run.failed;
    totals.skipped += run.skipped;
  }
  print(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

async function runChecks(phases: Phases, env: NodeJS.ProcessEnv): Promise<number> {
  const nx = ['exec', '--', 'nx', 'run-many', '--parallel=1', '--outputStyle=stream'];
  for (const [label, command, args] of [
    ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']],
    ['lint', 'npm', [...nx, '-t', 'lint']],
    ['tests (unit, integration, e2e)', 'npm', [...nx, '-t', 'test']],
  ] as const) {
    const code = await phases.run(label, () => runAttached(command, args, { cwd: ROOT, env }));
    if (code !== 0) {
      warn(`${label} failed (exit ${code})`);
      return code;
    }
  }
  return 0;
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
    await startApps(phases, false);
    phases.report();
    printEndpoints();
    return 0;
  },
  async test() {
    const phases = new Phases();
    await infrastructureUp(phases, true);
    await startApps(phases, true);
    const code = await runTests(phases);
    phases.report();
    return code;
  },
  async migrate() {
    await migrateDatabase();
    return 0;
  },
  async stop() {
    for (const service of [...appServices(APP_ENV).reverse(), ...[...INFRA].reverse()]) {
      say(`${service.name}: ${(await service.stop()) ? 'stopped' : 'was not running'}`);
    }
    return 0;
  },
  async status() {
    let allUp = true;
    for (const service of [...INFRA, ...appServices(APP_ENV)]) {
      const up = await service.healthy();
      allUp &&= up;
      print(`${up ? '✔ healthy  ' : '✘ down     '} ${service.name.padEnd(10)} ${service.endpoints.join(', ')}`);
    }
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
