import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflows, ENCRYPTED_ENCODING, temporalDataConverter } from '@polku/temporal';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { HISTORIES_DIR } from './testing/path-harness';

/** Every payload encoding a history (as JSON) holds. */
function encodingsIn(history: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const encoding = (value as { metadata?: { encoding?: unknown } }).metadata?.encoding;
      if (typeof encoding === 'string') found.push(Buffer.from(encoding, 'base64').toString('utf8'));
      Object.values(value).forEach(visit);
    }
  };
  visit(history);
  return found;
}

/**
 * Histories recorded from earlier versions of the workflow (committed in __histories__,
 * refreshed with RECORD_HISTORIES=1) must replay with today's code: a change that would
 * break running paths fails here, and belongs behind patched(). They replay through the same
 * data converter as the worker's, so histories recorded before payload encryption must too.
 */
describe('replay of recorded service-path histories', () => {
  const files = existsSync(HISTORIES_DIR) ? readdirSync(HISTORIES_DIR).filter((file) => file.endsWith('.json')) : [];
  const read = (file: string): unknown => JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8'));

  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    // One bundle for every history: bundling is the slow part of a replay.
    bundle = await bundleWorkflows();
  }, 120_000);

  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  // `pre-encryption-*` histories are kept as recorded before payloads were encrypted (no test
  // records under those names): their payloads pass the codec unchanged, failures included.
  it('keeps histories recorded before payload encryption, in clear', () => {
    const old = files.filter((file) => file.startsWith('pre-encryption-'));
    expect(old.length).toBeGreaterThanOrEqual(1);
    for (const file of old) {
      const encodings = encodingsIn(read(file));
      expect(encodings).toContain('json/plain');
      expect(encodings).not.toContain(ENCRYPTED_ENCODING);
    }
  });

  it.each(files)('replays %s without nondeterminism', async (file) => {
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle, dataConverter: temporalDataConverter() }, read(file), `path-${file.replace(/\.json$/, '')}`),
    ).resolves.toBeUndefined();
  });
});
