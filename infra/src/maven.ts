import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { say, withHeartbeat } from './log';
import { which } from './net';
import { runLogged } from './process';

/**
 * Copies a pom's runtime dependencies from Maven Central into `target` once. A marker file
 * is written last, so an interrupted download is redone instead of trusted.
 */
export async function copyJars(pom: string, target: string, label: string): Promise<void> {
  const done = join(target, '.complete');
  if (existsSync(done)) return;
  if (!which('mvn')) throw new Error(`Maven is needed to fetch ${label} jars the first time (apt-get install maven)`);
  if (!which('java')) throw new Error(`A JDK 17+ is needed to run ${label} (apt-get install openjdk-17-jre-headless)`);
  say(`fetching ${label} jars from Maven Central (first time only)…`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  await withHeartbeat(
    `maven ${label}`,
    runLogged('mvn', ['-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${target}`, '-DincludeScope=runtime'], 'maven'),
  );
  writeFileSync(done, `${new Date().toISOString()}\n`);
}
