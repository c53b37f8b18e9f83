import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ROOT } from './layout';
import { copyJars } from './maven';

const HOME = join(CACHE, 'temporal-test-server');
const LIBS = join(HOME, 'libs');

/**
 * Temporal's Java time-skipping test server, with a wrapper the TypeScript SDK can run as
 * `{ type: 'existing-path', path }`: the SDK calls it with the port as the first argument.
 */
export const TEST_SERVER_PATH = join(HOME, 'bin', 'temporal-test-server');

export async function installTestServer(): Promise<string> {
  await copyJars(join(ROOT, 'infra', 'temporal-test-server', 'pom.xml'), LIBS, 'Temporal test server');
  if (!existsSync(TEST_SERVER_PATH)) {
    mkdirSync(join(HOME, 'bin'), { recursive: true });
    writeFileSync(
      TEST_SERVER_PATH,
      [
        '#!/bin/sh',
        '# Written by infra/src/test-server.ts: runs the time-skipping test server on the given port.',
        `exec java -Xmx512m -cp '${LIBS}/*' io.temporal.testserver.TestServer "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(TEST_SERVER_PATH, 0o755);
  }
  return TEST_SERVER_PATH;
}
