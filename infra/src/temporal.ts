import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { CACHE, DATA, HOST, Ports } from './layout';
import { say, warn, withHeartbeat } from './log';
import { runLogged, runningPid, startDaemon, stopDaemon, tailLog, waitFor } from './process';
import type { Service } from './service';
import { which } from './net';

/** The newest CLI tag whose go.mod has no `replace` directive, so `go install` can build it. */
const CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
const BIN_DIR = join(CACHE, 'bin');
const DB_FILE = join(DATA, 'temporal', 'temporal.db');

// The dev server ships with conservative persistence and RPS limits; raise them so that
// benchmarks measure Temporal and our code, not a limiter.
const DYNAMIC_CONFIG: Record<string, number> = {
  'frontend.persistenceMaxQPS': 100_000,
  'history.persistenceMaxQPS': 100_000,
  'matching.persistenceMaxQPS': 100_000,
  'worker.persistenceMaxQPS': 100_000,
  'frontend.persistenceGlobalMaxQPS': 0,
  'history.persistenceGlobalMaxQPS': 0,
  'matching.persistenceGlobalMaxQPS': 0,
  'frontend.rps': 100_000,
  'frontend.namespaceRPS': 100_000,
  'frontend.namespaceRPS.visibility': 10_000,
  'system.visibilityPersistenceMaxReadQPS': 100_000,
  'system.visibilityPersistenceMaxWriteQPS': 100_000,
};

/** The temporal CLI: from PATH if present, else the one we built into the cache. */
export function temporalBinary(): string | undefined {
  const cached = join(BIN_DIR, 'temporal');
  return which('temporal') ?? (existsSync(cached) ? cached : undefined);
}

const MARKER = DB_FILE;
const DAEMON = { name: 'temporal', marker: MARKER };

// Payloads in histories are encrypted; the UI asks the API's codec endpoint to decrypt them for
// a signed-in admin (docs/payload-encryption.md).
const UI_CODEC_ENDPOINT = `http://${HOST}:${Ports.api}/codec`;

/** A server started before the flag existed keeps its old UI settings until it is restarted. */
async function checkUiCodecEndpoint(): Promise<void> {
  try {
    const response = await fetch(`http://${HOST}:${Ports.temporalUi}/api/v1/settings`, { signal: AbortSignal.timeout(2_000) });
    const endpoint = ((await response.json()) as { Codec?: { Endpoint?: string } }).Codec?.Endpoint;
    if (endpoint !== UI_CODEC_ENDPOINT) warn(`the Temporal UI does not use the codec endpoint ${UI_CODEC_ENDPOINT}; npm stop && npm start applies it`);
  } catch {
    // The UI is optional: a server without it still serves workers and clients.
  }
}

async function build(): Promise<void> {
  if (!which('go')) throw new Error('Go (≥ 1.25) is needed to build the Temporal CLI the first time; install it or put `temporal` on PATH');
  say(`building the Temporal CLI with go install ${CLI_MODULE} (first time only; a few minutes)…`);
  mkdirSync(BIN_DIR, { recursive: true });
  await withHeartbeat('go install temporal', runLogged('go', ['install', CLI_MODULE], 'go-install', { env: { ...process.env, GOBIN: BIN_DIR } }));
}

async function serving(): Promise<boolean> {
  const connection = await Connection.connect({ address: `${HOST}:${Ports.temporal}`, connectTimeout: 2_000 });
  try {
    const response = await connection.healthService.check({});
    return response.status === 1; // SERVING
  } finally {
    await connection.close();
  }
}

export const temporal: Service = {
  name: 'temporal',
  endpoints: [`grpc ${HOST}:${Ports.temporal}`, `UI http://${HOST}:${Ports.temporalUi}`],

  async install() {
    if (!temporalBinary()) await build();
  },

  async start() {
    if (runningPid(DAEMON) === undefined) {
      const binary = temporalBinary();
      if (!binary) throw new Error('temporal CLI missing; run install first');
      mkdirSync(join(DATA, 'temporal'), { recursive: true });
      startDaemon({
        name: 'temporal',
        marker: MARKER,
        command: binary,
        args: [
          'server', 'start-dev',
          '--ip', HOST, '--port', String(Ports.temporal),
          '--ui-ip', HOST, '--ui-port', String(Ports.temporalUi), '--ui-codec-endpoint', UI_CODEC_ENDPOINT,
          '--http-port', String(Ports.temporalHttp), '--metrics-port', String(Ports.temporalMetrics),
          '--db-filename', DB_FILE, '--sqlite-pragma', 'journal_mode=wal',
          '--log-level', 'warn',
          ...Object.entries(DYNAMIC_CONFIG).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${value}`]),
        ],
      });
    }
    if (!(await waitFor(() => serving(), 90_000, 500))) throw new Error(`Temporal did not become healthy:\n${tailLog('temporal')}`);
    await checkUiCodecEndpoint();
  },

  healthy: () => serving().catch(() => false),
  running: () => runningPid(DAEMON) !== undefined,

  stop: () => stopDaemon(DAEMON),
};

export function temporalVersion(): string {
  const binary = temporalBinary();
  return binary ? execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim() : 'not installed';
}
