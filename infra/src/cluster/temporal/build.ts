import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE } from '../../layout';
import { say, withHeartbeat } from '../../log';
import { which } from '../../net';
import { runLogged } from '../../process';

/**
 * The newest server line that `go install` builds with the machine's Go (1.26); later lines
 * need a newer toolchain (README: Requirements).
 */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
/** The UI server the Temporal CLI v1.5.1 embeds (its go.mod), built on its own to point at the cluster. */
export const TEMPORAL_UI_VERSION = 'v2.42.1';
const SERVER_MODULE = 'go.temporal.io/server';
const UI_MODULE = 'github.com/temporalio/ui-server/v2';

const SERVER_DIR = join(CACHE, `temporal-server-${TEMPORAL_SERVER_VERSION}`);
const UI_DIR = join(CACHE, `temporal-ui-${TEMPORAL_UI_VERSION}`);

export const TemporalBuild = {
  server: join(SERVER_DIR, 'bin', 'server'),
  sqlTool: join(SERVER_DIR, 'bin', 'sql'),
  /** The module's schema/postgresql/v12, copied next to the binaries: the SQL tool applies it. */
  schema: join(SERVER_DIR, 'schema', 'postgresql', 'v12'),
  ui: join(UI_DIR, 'bin', 'server'),
} as const;

const done = (dir: string): string => join(dir, '.complete');

function goEnv(bin: string): NodeJS.ProcessEnv {
  return { ...process.env, GOBIN: bin, GOFLAGS: '-buildvcs=false' };
}

async function goInstall(dir: string, packages: readonly string[], label: string): Promise<void> {
  if (existsSync(done(dir))) return;
  if (!which('go')) throw new Error(`Go is needed to build ${label} the first time (go install from the Go module proxy)`);
  say(`building ${label} with go install (first time only; several minutes on two cores)…`);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  await withHeartbeat(`go install ${label}`, runLogged('go', ['install', ...packages], 'cluster-go-install', { env: goEnv(join(dir, 'bin')) }));
  if (dir === SERVER_DIR) copySchema();
  writeFileSync(done(dir), `${new Date().toISOString()}\n`);
}

/** The module's directory in the Go module cache (the build just downloaded it). */
function moduleDir(): string {
  const json = execFileSync('go', ['mod', 'download', '-json', `${SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`], { encoding: 'utf8', cwd: SERVER_DIR });
  const dir = (JSON.parse(json) as { Dir?: string }).Dir;
  if (!dir) throw new Error(`go mod download named no directory for ${SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`);
  return dir;
}

/** The module cache is read-only and may be cleaned: keep our own, writable copy of the schema. */
function copySchema(): void {
  cpSync(join(moduleDir(), 'schema', 'postgresql', 'v12'), TemporalBuild.schema, { recursive: true });
  makeWritable(TemporalBuild.schema);
}

function makeWritable(path: string): void {
  chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) makeWritable(join(path, entry));
}

/** The Temporal server, its SQL tool and the UI server, built once into the shared cache. */
export async function installTemporalCluster(): Promise<void> {
  const server = `${SERVER_MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`;
  const sqlTool = `${SERVER_MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`;
  await goInstall(SERVER_DIR, [server, sqlTool], `Temporal server ${TEMPORAL_SERVER_VERSION}`);
  await goInstall(UI_DIR, [`${UI_MODULE}/cmd/server@${TEMPORAL_UI_VERSION}`], `Temporal UI ${TEMPORAL_UI_VERSION}`);
}
