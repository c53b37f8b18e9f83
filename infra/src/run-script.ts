import { join } from 'node:path';
import { LOCAL_DEV_FLAG } from '@polku/config';
import { ROOT } from './layout';
import { print } from './log';
import { runAttached } from './process';

/**
 * Local development, asked for explicitly: libs/config accepts the public dev values (passwords,
 * master key) only with POLKU_LOCAL_DEV=true, and the API hosts its dev issuer only with both.
 */
export const LOCAL_DEV_ENV: NodeJS.ProcessEnv = { [LOCAL_DEV_FLAG]: 'true', AUTH_DEV_ISSUER: 'true' };

/**
 * `bash infra/polku run <script.ts> [args…]`: a project script (`npm run bench:*`, `dlq:replay`,
 * `policy:migrate`, `projections:rebuild`) against the local stack, with the environment the
 * apps get. The stack's addresses win over the caller's, so the dev values it may use can only
 * ever reach the loopback services; in a deployment, run the script with that deployment's
 * environment instead (node -r @swc-node/register <script.ts>).
 */
export function runScript(args: readonly string[], appEnv: NodeJS.ProcessEnv): Promise<number> {
  const [script, ...rest] = args;
  if (script === undefined) {
    print('usage: infra/polku run <script.ts> [args…]');
    return Promise.resolve(2);
  }
  const env = { ...process.env, ...appEnv, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') };
  return runAttached(process.execPath, ['-r', '@swc-node/register', join(ROOT, script), ...rest], { cwd: ROOT, env });
}
