import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { DATA, HOST, Ports, ROOT } from '../../layout';
import { portOpen } from '../../net';
import { say } from '../../log';
import { logFile, notUp, runningPid, startDaemon, startSupervised, stopDaemon, waitWhileAlive, type StartOutcome } from '../../process';
import type { Service } from '../../service';
import { temporalPorts, type TemporalService } from '../cluster-ports';
import { TemporalBuild } from './build';
import { TEMPORAL_LOGIN } from './schema';
import { serverConfig } from './server-config';

/** The dynamic config lives in the repo, so a change to it is reviewed like code. */
export const DYNAMIC_CONFIG_FILE = join(ROOT, 'infra', 'temporal', 'dynamicconfig', 'cluster.yaml');
/** A service joins the ring and opens its port within this on two busy cores. */
const SERVICE_UP_WITHIN_MS = 120_000;
const STOP_GRACE_MS = 20_000;
/**
 * Temporal 1.29.1 can end during its start: matching was seen stopping before its ring had
 * bootstrapped and crashing on it (nil tchannel in the ringpop monitor). A pod would be
 * restarted; so is the process, at most this many starts in all.
 */
const START_ATTEMPTS = 3;

const configDir = (service: TemporalService): string => join(DATA, 'temporal', service);
export const temporalDaemonName = (service: TemporalService): string => `temporal-${service}`;
/** Its config folder is in its command line: a recycled pid is never taken for it. */
export const temporalMarker = (service: TemporalService): string => configDir(service);

function writeConfig(service: TemporalService): void {
  const dir = join(configDir(service), 'config');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'development.yaml');
  // It holds the database password: readable by its owner only.
  writeFileSync(file, `# Written by infra/src/cluster/temporal at every start.\n${JSON.stringify(serverConfig(TEMPORAL_LOGIN, DYNAMIC_CONFIG_FILE, service), null, 2)}\n`);
  chmodSync(file, 0o600);
}

/**
 * The frontend answers gRPC health; history and matching are up once their gRPC port takes
 * connections; the worker service serves no gRPC, only its membership (ringpop) port.
 */
async function serving(service: TemporalService): Promise<boolean> {
  if (service === 'worker') return portOpen(HOST, temporalPorts(service).membership);
  if (service !== 'frontend') return portOpen(HOST, temporalPorts(service).grpc);
  const connection = await Connection.connect({ address: `${HOST}:${Ports.temporal}`, connectTimeout: 2_000 });
  try {
    return (await connection.healthService.check({})).status === 1; // SERVING
  } finally {
    await connection.close();
  }
}

/** One of Temporal's four services as a process of its own, from the server built into the cache. */
export function temporalService(service: TemporalService): Service {
  const daemon = { name: temporalDaemonName(service), marker: temporalMarker(service) };
  return {
    name: daemon.name,
    endpoints: [`grpc ${HOST}:${temporalPorts(service).grpc}`, `metrics http://${HOST}:${temporalPorts(service).metrics}/metrics`],
    install: async () => undefined,
    async start() {
      const launch = (): void => {
        if (runningPid(daemon) !== undefined) return;
        writeConfig(service);
        const args = ['--root', configDir(service), '--config', 'config', '--env', 'development', '--allow-no-auth', 'start', '--service', service];
        startDaemon({ ...daemon, command: TemporalBuild.server, args });
      };
      const wait = (): Promise<StartOutcome> => waitWhileAlive(() => serving(service), () => runningPid(daemon) !== undefined, SERVICE_UP_WITHIN_MS);
      const ended = (attempt: number): void => say(`${daemon.name} ended during its start (start ${attempt} of ${START_ATTEMPTS}); its log: ${logFile(daemon.name)}`);
      const outcome = await startSupervised(launch, wait, START_ATTEMPTS, ended);
      if (outcome !== 'up') throw notUp(daemon.name, outcome, SERVICE_UP_WITHIN_MS);
    },
    healthy: () => serving(service).catch(() => false),
    running: () => runningPid(daemon) !== undefined,
    stop: () => stopDaemon(daemon, STOP_GRACE_MS),
  };
}
