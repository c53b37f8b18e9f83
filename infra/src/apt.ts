import { say, withHeartbeat } from './log';
import { runLogged } from './process';

export const isRoot = process.getuid?.() === 0;

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', NEEDRESTART_MODE: 'a' };
// Wait for a dpkg/apt lock another process holds instead of failing at once.
const LOCK_WAIT = ['-o', 'DPkg::Lock::Timeout=300'];

// apt and dpkg take one lock: installs from the same run go one after another, and the package
// lists are refreshed once per run.
let queue: Promise<unknown> = Promise.resolve();
let listsUpdated = false;

/**
 * Installs Debian packages non-interactively (apt-get update once, then apt-get install -y),
 * output to .polku/logs/apt.log. Only root may; `hint` says what a non-root user should run.
 */
export function aptInstall(packages: readonly string[], label: string, options: { recommends?: boolean; hint: string }): Promise<void> {
  const run = queue.then(async () => {
    if (!isRoot) throw new Error(`${label} is missing and we are not root, so it cannot be installed: ${options.hint}`);
    say(`installing ${label} from Debian packages (${packages.join(' ')}; first time only)…`);
    if (!listsUpdated) {
      await withHeartbeat('apt-get update', runLogged('apt-get', [...LOCK_WAIT, 'update'], 'apt', { env: APT_ENV }));
      listsUpdated = true;
    }
    const recommends = options.recommends === false ? ['--no-install-recommends'] : [];
    await withHeartbeat(`apt-get install ${packages.join(' ')}`, runLogged('apt-get', [...LOCK_WAIT, 'install', '-y', ...recommends, ...packages], 'apt', { env: APT_ENV }));
  });
  queue = run.catch(() => undefined);
  return run;
}
