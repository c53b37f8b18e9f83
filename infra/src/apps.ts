import { join } from 'node:path';
import { HOST, Ports, ROOT } from './layout';
import { httpOk } from './net';
import { runningPid, startDaemon, stopDaemon, tailLog, waitFor } from './process';
import type { Service } from './service';

interface AppSpec {
  readonly name: string;
  readonly main: string;
  readonly healthUrl: string;
  readonly endpoints: readonly string[];
}

// Apps run from source through SWC (decorator metadata for NestJS, @polku/* paths from tsconfig).
function appService(spec: AppSpec, env: NodeJS.ProcessEnv): Service {
  const main = join(ROOT, spec.main);
  const daemon = { name: spec.name, marker: main };
  return {
    name: spec.name,
    endpoints: spec.endpoints,
    install: async () => undefined,
    async start() {
      if (runningPid(daemon) === undefined) {
        startDaemon({
          ...daemon,
          command: process.execPath,
          args: ['-r', '@swc-node/register', main],
          cwd: ROOT,
          env: { SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'), ...env },
        });
      }
      if (!(await waitFor(() => httpOk(spec.healthUrl), 120_000, 500))) {
        throw new Error(`${spec.name} did not become healthy at ${spec.healthUrl}:\n${tailLog(spec.name)}`);
      }
    },
    healthy: () => httpOk(spec.healthUrl).catch(() => false),
    stop: () => stopDaemon(daemon),
  };
}

/** Every app `npm start` runs, in start order. */
export function appServices(env: NodeJS.ProcessEnv): Service[] {
  return [
    appService(
      {
        name: 'worker',
        main: 'apps/worker/src/main.ts',
        healthUrl: `http://${HOST}:${Ports.workerHealth}/health`,
        endpoints: [`health http://${HOST}:${Ports.workerHealth}/health`],
      },
      env,
    ),
    appService(
      {
        name: 'relay',
        main: 'apps/relay/src/main.ts',
        healthUrl: `http://${HOST}:${Ports.relay}/health`,
        endpoints: [`health http://${HOST}:${Ports.relay}/health`],
      },
      env,
    ),
    appService(
      {
        name: 'municipal-consumer',
        main: 'apps/municipal-consumer/src/main.ts',
        healthUrl: `http://${HOST}:${Ports.municipalConsumer}/health`,
        endpoints: [`http://${HOST}:${Ports.municipalConsumer}/read`, `health http://${HOST}:${Ports.municipalConsumer}/health`],
      },
      env,
    ),
    appService(
      {
        name: 'wellbeing-consumer',
        main: 'apps/wellbeing-consumer/src/main.ts',
        healthUrl: `http://${HOST}:${Ports.wellbeingConsumer}/health`,
        endpoints: [`http://${HOST}:${Ports.wellbeingConsumer}/read`, `health http://${HOST}:${Ports.wellbeingConsumer}/health`],
      },
      env,
    ),
    appService(
      {
        name: 'api',
        main: 'apps/api/src/main.ts',
        healthUrl: `http://${HOST}:${Ports.api}/health`,
        endpoints: [`http://${HOST}:${Ports.api}`, `health http://${HOST}:${Ports.api}/health`],
      },
      env,
    ),
  ];
}
