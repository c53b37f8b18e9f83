import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './layout';
import { say, withHeartbeat } from './log';
import { runLogged } from './process';

/** The staff console (React + Vite), built by Nx into the folder the API serves. */
const SOURCE = join(ROOT, 'apps', 'console');
export const CONSOLE_OUTPUT = join(ROOT, 'dist', 'apps', 'console');
const ENTRY = join(CONSOLE_OUTPUT, 'index.html');
const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', 'test-results', '.vite']);

export type ConsoleBuild = 'absent' | 'up to date' | 'built';

/**
 * Builds the console (`nx run console:build`) when its output is missing or older than any
 * file under apps/console. Does nothing while the project does not exist yet.
 */
export async function buildConsole(): Promise<ConsoleBuild> {
  if (!existsSync(join(SOURCE, 'project.json')) && !existsSync(join(SOURCE, 'package.json'))) return 'absent';
  const built = existsSync(ENTRY) ? statSync(ENTRY).mtimeMs : undefined;
  const newest = newestMtime(SOURCE);
  if (built !== undefined && built >= newest) return 'up to date';
  say(built === undefined ? 'building the console (no build yet)…' : 'building the console (apps/console changed since the last build)…');
  const begun = new Date();
  const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' };
  await withHeartbeat('nx run console:build', runLogged('npx', ['nx', 'run', 'console:build', '--outputStyle=stream'], 'console-build', { cwd: ROOT, env }));
  if (!existsSync(ENTRY)) throw new Error(`nx run console:build succeeded but ${ENTRY} is missing; see .polku/logs/console-build.log`);
  // Nx leaves outputs that already match its cache untouched: date the output to when this build
  // began, so a file changed while it ran still counts as newer next time.
  utimesSync(ENTRY, begun, begun);
  return 'built';
}

/** The newest modification time below `dir`, folders included (a deleted file changes its folder). */
function newestMtime(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    try {
      newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
    } catch {
      // removed while we looked
    }
  }
  return newest;
}
