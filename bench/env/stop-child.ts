import type { ChildProcess } from 'node:child_process';
import { closeSync } from 'node:fs';

/** Whether the child has neither exited nor been killed by a signal yet. */
export const isRunning = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;

/**
 * A child's graceful stop: SIGTERM, SIGKILL if it is not gone within `withinMs`, then its log file
 * closed. Resolves once it has exited (or, should even SIGKILL not be seen, a few seconds later).
 */
export async function stopChild(child: ChildProcess, logFd: number, withinMs: number): Promise<void> {
  if (isRunning(child)) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), withinMs);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, withinMs + 5_000).unref())]);
    clearTimeout(kill);
  }
  closeSync(logFd);
}
