import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Fault tests and benchmarks act on the processes `npm start` runs, found by their pid files.
const ROOT = join(__dirname, '..', '..');
const RUN_DIR = join(process.env['POLKU_HOME'] ?? join(ROOT, '.polku'), 'run');

export function pidOf(name: string): number {
  return Number(readFileSync(join(RUN_DIR, `${name}.pid`), 'utf8'));
}

export function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** `npm start` is idempotent: it brings back exactly what is missing. */
export function bringBack(): void {
  execFileSync('bash', [join(ROOT, 'infra', 'polku'), 'start'], { cwd: ROOT, stdio: 'ignore', timeout: 240_000 });
}
