import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE } from './layout';
import { say, withHeartbeat } from './log';
import { which } from './net';
import { runLogged } from './process';

/** schemathesis from PyPI, pinned, in a venv of its own under the git-ignored cache. */
export const SCHEMATHESIS_VERSION = '4.32.5';
export const VENV = join(CACHE, 'venv');
const PYTHON = join(VENV, 'bin', 'python');
const MIN_PYTHON = '3.11'; // schemathesis 4.32's Requires-Python
export const SCHEMATHESIS = join(VENV, 'bin', 'schemathesis');

/** The version installed in the venv, or undefined (no venv, a broken one, or not installed). */
function installedVersion(): string | undefined {
  if (!existsSync(PYTHON)) return undefined;
  try {
    const script = 'import importlib.metadata as m; print(m.version("schemathesis"))';
    return execFileSync(PYTHON, ['-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Creates the venv and installs the pinned schemathesis; does nothing when that version is there. */
export async function installSchemathesis(): Promise<void> {
  if (installedVersion() === SCHEMATHESIS_VERSION && existsSync(SCHEMATHESIS)) return;
  const python3 = which('python3');
  if (!python3) throw new Error(`Python ${MIN_PYTHON} or newer with venv is needed for schemathesis (apt-get install python3 python3-venv)`);
  const found = pythonVersion(python3);
  if (!found || found.localeCompare(MIN_PYTHON, undefined, { numeric: true }) < 0) {
    throw new Error(`schemathesis ${SCHEMATHESIS_VERSION} needs Python ${MIN_PYTHON} or newer; python3 is ${found ?? 'unknown'} (${python3})`);
  }
  // A venv whose interpreter no longer runs (Python moved or upgraded) is rebuilt, not patched.
  if (existsSync(VENV) && !canRun(PYTHON)) rmSync(VENV, { recursive: true, force: true });
  if (!existsSync(PYTHON)) {
    say(`creating a Python venv for schemathesis in ${VENV}`);
    await runLogged(python3, ['-m', 'venv', VENV], 'pip');
  }
  say(`installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into the venv (first time only)…`);
  await withHeartbeat(
    'pip install schemathesis',
    runLogged(PYTHON, ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`], 'pip'),
  );
  const version = installedVersion();
  if (version !== SCHEMATHESIS_VERSION) throw new Error(`schemathesis ${SCHEMATHESIS_VERSION} did not install (found ${version ?? 'none'}); see .polku/logs/pip.log`);
}

function pythonVersion(python: string): string | undefined {
  try {
    return execFileSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function canRun(python: string): boolean {
  try {
    execFileSync(python, ['-c', 'pass'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
