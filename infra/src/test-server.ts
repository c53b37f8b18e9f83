import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ROOT } from './layout';
import { copyJars } from './maven';

const HOME = join(CACHE, 'temporal-test-server');
const LIBS = join(HOME, 'libs');
/** Bumped when the wrapper changes, so an installed one is written again. */
const WRAPPER_VERSION = 'wrapper v2';

/**
 * Temporal's Java time-skipping test server, with a wrapper the TypeScript SDK can run as
 * `{ type: 'existing-path', path }`: the SDK calls it with the port as the first argument.
 */
export const TEST_SERVER_PATH = join(HOME, 'bin', 'temporal-test-server');

export async function installTestServer(): Promise<string> {
  await copyJars(join(ROOT, 'infra', 'temporal-test-server', 'pom.xml'), LIBS, 'Temporal test server');
  if (!existsSync(TEST_SERVER_PATH) || !readFileSync(TEST_SERVER_PATH, 'utf8').includes(WRAPPER_VERSION)) {
    mkdirSync(join(HOME, 'bin'), { recursive: true });
    writeFileSync(
      TEST_SERVER_PATH,
      [
        '#!/bin/sh',
        `# Written by infra/src/test-server.ts (${WRAPPER_VERSION}): runs the time-skipping test server on the given port.`,
        // Quick to start (the SDK waits 5 s for it to listen): the C1 compiler only, a serial GC.
        `exec java -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '${LIBS}/*' io.temporal.testserver.TestServer "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(TEST_SERVER_PATH, 0o755);
  }
  return TEST_SERVER_PATH;
}
