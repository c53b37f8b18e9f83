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
export const CACHE = join(HOME, 'cache');
export const DATA = join(HOME, 'data');
export const LOGS = join(HOME, 'logs');
export const RUN = join(HOME, 'run');

export function ensureDirs(): void {
  for (const dir of [CACHE, DATA, LOGS, RUN]) mkdirSync(dir, { recursive: true });
}

export const Ports = {
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

export const HOST = '127.0.0.1';
