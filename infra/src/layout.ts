import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(__dirname, '..', '..');

/**
 * Everything Polku installs, runs, logs or stores lives under one git-ignored folder,
 * `.polku/` (override with POLKU_HOME): cache/ (built or downloaded tools), data/ (databases,
 * broker logs), logs/ (process output) and run/ (pid files, sockets).
 */
export const HOME = resolve(process.env['POLKU_HOME'] ?? join(ROOT, '.polku'));
/** Built and downloaded tools; a second stack (POLKU_HOME elsewhere) may share the first one's. */
export const CACHE = resolve(process.env['POLKU_CACHE'] ?? join(HOME, 'cache'));
export const DATA = join(HOME, 'data');
export const LOGS = join(HOME, 'logs');
export const RUN = join(HOME, 'run');

export function ensureDirs(): void {
  for (const dir of [CACHE, DATA, LOGS, RUN]) mkdirSync(dir, { recursive: true });
}

const BASE_PORTS = {
  postgres: 5432,
  temporal: 7233,
  temporalUi: 8233,
  temporalHttp: 7243,
  temporalMetrics: 7235,
  kafka: 9092,
  kafkaController: 9093,
  api: 3000,
  workerHealth: 3100,
  relay: 3200,
  municipalConsumer: 3300,
  wellbeingConsumer: 3400,
} as const;

/**
 * POLKU_PORT_OFFSET shifts every port, so a second stack (with its own POLKU_HOME) can run beside
 * the first on one machine, e.g. to try a fault without disturbing the stack tests run against.
 */
function portOffset(): number {
  const raw = process.env['POLKU_PORT_OFFSET'] ?? '0';
  const offset = Number(raw);
  if (!Number.isInteger(offset) || offset < 0 || offset > 20_000) throw new Error(`POLKU_PORT_OFFSET must be a whole number from 0 to 20000, got ${raw}`);
  return offset;
}

export const Ports: { readonly [Name in keyof typeof BASE_PORTS]: number } = Object.fromEntries(
  Object.entries(BASE_PORTS).map(([name, port]) => [name, port + portOffset()]),
) as { [Name in keyof typeof BASE_PORTS]: number };

export const HOST = '127.0.0.1';
