import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { aptInstall, isRoot } from './apt';
import { DATA, HOST, LOGS, Ports, RUN } from './layout';
import { say } from './log';
import { isAlive, runLogged, waitFor } from './process';
import type { Service } from './service';

const DATA_DIR = join(DATA, 'postgres');
const SOCKET_DIR = join(RUN, 'postgres');
const LOG = join(LOGS, 'postgres.log');
const USER = 'polku';
const PASSWORD = 'polku';
export const DATABASE = 'polku';
export const DATABASE_URL = `postgres://${USER}:${PASSWORD}@${HOST}:${Ports.postgres}/${DATABASE}`;

// PostgreSQL refuses to run as root; as root we run it as this system user.
const OS_USER = 'postgres';

function binDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((version) => existsSync(join(base, version, 'bin', 'initdb')));
  const preferred = versions.includes('15') ? '15' : versions.sort((a, b) => Number(b) - Number(a))[0];
  return preferred ? join(base, preferred, 'bin') : undefined;
}

/** Runs a PostgreSQL tool as the database's OS user. */
function asDbUser(tool: string, args: string[], log = 'postgres-admin'): Promise<void> {
  const bin = join(binDir() ?? '', tool);
  return isRoot ? runLogged('runuser', ['-u', OS_USER, '--', bin, ...args], log) : runLogged(bin, args, log);
}

async function installPackages(): Promise<void> {
  const hint = 'install postgresql-15 (apt) or set DATABASE_URL';
  if (!isRoot) throw new Error(`PostgreSQL is not installed and we are not root: ${hint}`);
  // Debian's package would create and start its own cluster on 5432; ours owns that port.
  mkdirSync('/etc/postgresql-common', { recursive: true });
  writeFileSync('/etc/postgresql-common/createcluster.conf', 'create_main_cluster = false\n');
  await aptInstall(['postgresql'], 'PostgreSQL', { recommends: false, hint });
}

function ensureOsUser(): void {
  if (!isRoot) return;
  try {
    execFileSync('id', ['-u', OS_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', OS_USER]);
  }
}

/** The OS user must be able to reach the data folder inside the repo: grant traverse (x) only. */
function grantTraverse(dir: string): void {
  if (!isRoot) return;
  for (let current = dir; current !== dirname(current); current = dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
  }
}

function chownToDbUser(path: string): void {
  if (!isRoot) return;
  const uid = Number(execFileSync('id', ['-u', OS_USER], { encoding: 'utf8' }));
  const gid = Number(execFileSync('id', ['-g', OS_USER], { encoding: 'utf8' }));
  chownSync(path, uid, gid);
}

async function initCluster(): Promise<void> {
  say('initialising the project PostgreSQL cluster');
  mkdirSync(DATA_DIR, { recursive: true, mode: 0o700 });
  chownToDbUser(DATA_DIR);
  const pwfile = join(RUN, 'postgres.pw');
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  chownToDbUser(pwfile);
  try {
    await asDbUser('initdb', ['-D', DATA_DIR, '-U', USER, `--pwfile=${pwfile}`, '--auth-host=scram-sha-256', '--auth-local=trust', '--encoding=UTF8', '--locale=C']);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

async function connectable(database: string): Promise<boolean> {
  const client = new Client({ host: HOST, port: Ports.postgres, user: USER, password: PASSWORD, database, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(): Promise<void> {
  const client = new Client({ host: HOST, port: Ports.postgres, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/** The postmaster's pid, from its pid file; undefined when the cluster is down. */
export function postmasterPid(): number | undefined {
  const file = join(DATA_DIR, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && isAlive(pid) ? pid : undefined;
}

export const postgres: Service = {
  name: 'postgres',
  endpoints: [DATABASE_URL.replace(`:${PASSWORD}@`, ':***@')],

  async install() {
    if (!binDir()) await installPackages();
    if (!binDir()) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql after install');
  },

  async start() {
    if (!(await connectable('postgres').catch(() => false))) {
      ensureOsUser();
      grantTraverse(DATA);
      if (!existsSync(join(DATA_DIR, 'PG_VERSION'))) await initCluster();
      mkdirSync(SOCKET_DIR, { recursive: true });
      chownToDbUser(SOCKET_DIR);
      if (!existsSync(LOG)) writeFileSync(LOG, '');
      chownToDbUser(LOG);
      const options = `-c listen_addresses=${HOST} -p ${Ports.postgres} -k ${SOCKET_DIR} -c max_connections=200`;
      await asDbUser('pg_ctl', ['-D', DATA_DIR, '-l', LOG, '-o', options, '-w', '-t', '60', 'start']);
      if (!(await waitFor(() => connectable('postgres'), 30_000))) throw new Error(`PostgreSQL did not accept connections; see ${LOG}`);
    }
    await ensureDatabase();
  },

  healthy: () => connectable(DATABASE).catch(() => false),
  running: () => postmasterPid() !== undefined,

  async stop() {
    if (!existsSync(join(DATA_DIR, 'postmaster.pid'))) return false;
    await asDbUser('pg_ctl', ['-D', DATA_DIR, '-m', 'fast', '-w', 'stop']);
    return true;
  },
};
