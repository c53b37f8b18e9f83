import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './layout';

/** After the time limit, SIGINT (the child stops its work and cleans up), then SIGKILL this much later. */
const CLEANUP_GRACE_MS = 3 * 60_000;

/**
 * Runs `infra/src/cli.ts <command> <args>` in a child with a second stack's environment (its own
 * POLKU_HOME and shifted ports: layout.ts reads them at import), as the chaos ledger and the
 * cluster do. Output goes to our terminal, or to `logFile`. Past `limitMs` the child gets SIGINT,
 * and SIGKILL a grace period later, so no caller waits for ever. Answers its exit code.
 */
export function runStackChild(command: string, args: readonly string[], stackEnv: NodeJS.ProcessEnv, options: { limitMs: number; logFile?: string }): Promise<number> {
  const out = options.logFile === undefined ? 'inherit' : openSync(options.logFile, 'w');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'infra', 'src', 'cli.ts'), command, ...args], {
    cwd: ROOT,
    env: { ...stackEnv, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
    stdio: ['ignore', out, out],
  });
  if (typeof out === 'number') closeSync(out);
  // Ctrl-C reaches the child too (same process group): it cleans up; wait for it.
  const ignore = (): void => undefined;
  process.on('SIGINT', ignore);
  const interrupt = setTimeout(() => child.kill('SIGINT'), options.limitMs);
  const kill = setTimeout(() => child.kill('SIGKILL'), options.limitMs + CLEANUP_GRACE_MS);
  return new Promise((resolve) => {
    const done = (code: number): void => {
      clearTimeout(interrupt);
      clearTimeout(kill);
      process.off('SIGINT', ignore);
      resolve(code);
    };
    child.on('error', () => done(1));
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
