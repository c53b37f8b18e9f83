import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const PID_FILE = join(process.env['POLKU_HOME'] ?? join(ROOT, '.polku'), 'run', 'relay.pid');

/** The running relay app (npm start): stopped gracefully and brought back by npm start. */
export const relayApp = {
  async pause(): Promise<void> {
    const pid = Number(readFileSync(PID_FILE, 'utf8'));
    process.kill(pid, 'SIGTERM');
    for (let waited = 0; waited < 15_000 && alive(pid); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  },
  resume(): void {
    execFileSync('bash', [join(ROOT, 'infra', 'polku'), 'start'], { cwd: ROOT, stdio: 'ignore', timeout: 180_000 });
  },
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
