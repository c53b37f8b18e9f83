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
// `spec.name` names the pid file and log: a second instance of an app has a name of its own.
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
    running: () => runningPid(daemon) !== undefined,
    stop: () => stopDaemon(daemon),
  };
}

// Every app `npm start` runs, in start order: its entry file, health port and what to print.
const APPS: readonly { name: string; port: number; read?: string }[] = [
  { name: 'worker', port: Ports.workerHealth },
  { name: 'relay', port: Ports.relay },
  { name: 'municipal-consumer', port: Ports.municipalConsumer, read: '/read' },
  { name: 'wellbeing-consumer', port: Ports.wellbeingConsumer, read: '/read' },
  { name: 'api', port: Ports.api, read: '' },
];

export function appServices(env: NodeJS.ProcessEnv): Service[] {
  return APPS.map(({ name, port, read }) => {
    const base = `http://${HOST}:${port}`;
    const endpoints = [...(read === undefined ? [] : [`${base}${read}`]), `health ${base}/health`];
    return appService({ name, main: `apps/${name}/src/main.ts`, healthUrl: `${base}/health`, endpoints }, env);
  });
}

/**
 * Another instance of an app beside the one `npm start` runs (the chaos run's standby relay):
 * its own pid file and log (`instance`), its health on `port`; `env` must give the app that port.
 */
export function appInstance(app: string, instance: string, port: number, env: NodeJS.ProcessEnv): Service {
  const base = `http://${HOST}:${port}`;
  return appService({ name: instance, main: `apps/${app}/src/main.ts`, healthUrl: `${base}/health`, endpoints: [`health ${base}/health`] }, env);
}
