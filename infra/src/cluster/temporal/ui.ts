import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, HOST, Ports } from '../../layout';
import { httpOk } from '../../net';
import { runningPid, startDaemon, stopDaemon, tailLog, waitFor } from '../../process';
import type { Service } from '../../service';
import { TemporalBuild } from './build';

const DIR = join(DATA, 'temporal-ui');
const UI_UP_WITHIN_MS = 60_000;
const daemon = { name: 'temporal-ui', marker: DIR };

/** As `npm start`'s UI: the API's codec endpoint decrypts payloads for a signed-in admin. */
function uiConfig(): object {
  return {
    temporalGrpcAddress: `${HOST}:${Ports.temporal}`,
    host: HOST,
    port: Ports.temporalUi,
    enableUi: true,
    defaultNamespace: 'default',
    refreshInterval: '1m',
    codec: { endpoint: `http://${HOST}:${Ports.api}/codec` },
    cors: { allowOrigins: [`http://${HOST}:${Ports.temporalUi}`] },
  };
}

/** The Temporal UI (the CLI's own ui-server, built on its own) pointed at the cluster's frontend. */
export const temporalUi: Service = {
  name: 'temporal-ui',
  endpoints: [`http://${HOST}:${Ports.temporalUi}`],
  install: async () => undefined,
  async start() {
    if (runningPid(daemon) === undefined) {
      mkdirSync(join(DIR, 'config'), { recursive: true });
      writeFileSync(join(DIR, 'config', 'development.yaml'), `${JSON.stringify(uiConfig(), null, 2)}\n`);
      startDaemon({ ...daemon, command: TemporalBuild.ui, args: ['--root', DIR, '--config', 'config', '--env', 'development', 'start'] });
    }
    if (!(await waitFor(() => httpOk(`http://${HOST}:${Ports.temporalUi}/`), UI_UP_WITHIN_MS, 500))) throw new Error(`the Temporal UI did not come up:\n${tailLog(daemon.name)}`);
  },
  healthy: () => httpOk(`http://${HOST}:${Ports.temporalUi}/`).catch(() => false),
  running: () => runningPid(daemon) !== undefined,
  stop: () => stopDaemon(daemon),
};
