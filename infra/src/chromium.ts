import { existsSync } from 'node:fs';
import { aptInstall } from './apt';

/** Debian's Chromium, for the browser tests (Playwright's `executablePath`; exposed to tests as CHROMIUM_PATH). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Installs Debian's `chromium` package when /usr/bin/chromium is missing. Test tools' own browser
 * downloads (`npx playwright install`) cannot work here: only the package registries are reachable.
 */
export async function installChromium(): Promise<void> {
  if (existsSync(CHROMIUM_PATH)) return;
  await aptInstall(['chromium'], `Chromium (${CHROMIUM_PATH}, for the browser tests)`, {
    hint: 'run `sudo apt-get update && sudo apt-get install -y chromium` once, then npm test again',
  });
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing; see .polku/logs/apt.log`);
}
