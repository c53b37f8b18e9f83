import { join } from 'node:path';
import { ROOT } from '../layout';

/**
 * Where the chaos stack lives: a stack of its own (data, logs, pid files under .polku/chaos, every
 * port shifted by CHAOS_PORT_OFFSET) so that killing its processes never disturbs the stack that
 * developers and the other tests use. It shares the built tools (.polku/cache).
 */
export const CHAOS_HOME = join(ROOT, '.polku', 'chaos');
export const CHAOS_PORT_OFFSET = 10_000;
/** The ledger of the last run, whichever stack it ran on. */
export const LEDGER_FILE = join(ROOT, '.polku', 'artifacts', 'chaos', 'ledger.json');
/** Set in the child process that runs on the chaos stack. */
export const CHAOS_CHILD_FLAG = 'POLKU_CHAOS_CHILD';

/**
 * layout.ts computes ports and folders when it is imported, so the chaos stack's set-up and
 * run happen in a child process started with this environment.
 */
export function chaosStackEnv(): NodeJS.ProcessEnv {
  const { POLKU_EXTERNAL_INFRA: _external, ...rest } = process.env;
  return {
    ...rest,
    POLKU_HOME: CHAOS_HOME,
    POLKU_CACHE: join(ROOT, '.polku', 'cache'),
    POLKU_PORT_OFFSET: String(CHAOS_PORT_OFFSET),
    // The API's dev issuer keeps its signing key in the chaos stack's own data.
    AUTH_DEV_ISSUER_KEY_FILE: join(CHAOS_HOME, 'data', 'dev-issuer', 'signing-key.json'),
    [CHAOS_CHILD_FLAG]: '1',
  };
}
