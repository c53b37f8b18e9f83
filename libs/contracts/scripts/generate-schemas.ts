/**
 * Regenerates libs/contracts/generated from the zod schemas and AUDIENCE_TABLE:
 *   npm run contracts:generate
 * Refuses (exit 1, nothing written) when a v1 schema changed incompatibly with the committed
 * snapshot; an additive change moves the snapshot forward.
 */
// The one place in contracts that writes files: a build script, never imported by the library.
// eslint-disable-next-line no-restricted-imports
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { dirname, join } from 'node:path';
import { breakingChanges } from '../src/integration/compatibility';
import { GENERATED_DIR, renderContractFiles, renderV1Snapshot, V1_SNAPSHOT_FILE } from '../src/integration/contract-files';
import { jsonSchemasV1 } from '../src/integration/json-schemas';

const root = join(__dirname, '..', '..', '..');
const out = join(root, GENERATED_DIR);

function main(): number {
  const schemas = jsonSchemasV1();
  const snapshotPath = join(out, V1_SNAPSHOT_FILE);
  if (existsSync(snapshotPath)) {
    const breaking = breakingChanges(JSON.parse(readFileSync(snapshotPath, 'utf8')), schemas);
    if (breaking.length > 0) {
      process.stderr.write(`v1 schemas changed incompatibly (make it a v2 instead):\n  ${breaking.join('\n  ')}\n`);
      return 1;
    }
  }
  const files = { ...renderContractFiles(), [V1_SNAPSHOT_FILE]: renderV1Snapshot(schemas) };
  const schemaDir = join(out, 'json-schema');
  if (existsSync(schemaDir)) {
    for (const stale of readdirSync(schemaDir).filter((file) => !(`json-schema/${file}` in files))) rmSync(join(schemaDir, stale));
  }
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), content);
  }
  process.stdout.write(`wrote ${Object.keys(files).length} files to ${GENERATED_DIR}\n`);
  return 0;
}

process.exitCode = main();
