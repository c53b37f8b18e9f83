import { join } from 'node:path';
import { ROOT } from './layout';

/**
 * A stack beside the one `npm start` runs (the chaos stack, the cluster): data, logs and pid
 * files under its own home, every port shifted by its offset, sharing only the built tools.
 */
export interface SecondStack {
  readonly home: string;
  readonly portOffset: number;
  /** Set to '1' in the child process that acts on this stack. */
  readonly childFlag: string;
}

/**
 * The environment of a child process that acts on `stack`. layout.ts computes ports and folders
 * when it is imported, so a second stack is only reachable from a child started with this.
 */
export function secondStackEnv(stack: SecondStack, parent: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  // With POLKU_EXTERNAL_INFRA the services are someone else's and nothing is started; a second
  // stack always starts its own.
  const { POLKU_EXTERNAL_INFRA: _external, ...rest } = parent;
  return {
    ...rest,
    POLKU_HOME: stack.home,
    POLKU_CACHE: join(ROOT, '.polku', 'cache'),
    POLKU_PORT_OFFSET: String(stack.portOffset),
    // The API's dev issuer keeps its signing key in the stack's own data; every API instance on
    // the stack (the cluster runs two) signs and verifies with that one key.
    AUTH_DEV_ISSUER_KEY_FILE: join(stack.home, 'data', 'dev-issuer', 'signing-key.json'),
    [stack.childFlag]: '1',
  };
}
