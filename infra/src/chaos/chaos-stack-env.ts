import { join } from 'node:path';
import { ROOT } from '../layout';
import { secondStackEnv } from '../stack-env';

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

/** The environment of the child process whose set-up and run happen on the chaos stack. */
export function chaosStackEnv(): NodeJS.ProcessEnv {
  return secondStackEnv({ home: CHAOS_HOME, portOffset: CHAOS_PORT_OFFSET, childFlag: CHAOS_CHILD_FLAG });
}
