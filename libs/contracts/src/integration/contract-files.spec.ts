import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_TOPICS } from '../topics';
import { asyncApiDocument } from './asyncapi';
import { GENERATED_DIR, renderContractFiles, renderV1Snapshot, V1_SNAPSHOT_FILE } from './contract-files';

const root = join(__dirname, '..', '..', '..', '..');
const generated = join(root, GENERATED_DIR);
const REGENERATE = 'run `npm run contracts:generate` and commit libs/contracts/generated';

describe('the generated contract files', () => {
  it(`are up to date with the schemas and the audience table (else ${REGENERATE})`, () => {
    const files = renderContractFiles();
    const committed = Object.fromEntries(Object.keys(files).map((path) => [path, existsSync(join(generated, path)) ? readFileSync(join(generated, path), 'utf8') : null]));
    expect(committed).toEqual(files);
    expect(readdirSync(join(generated, 'json-schema')).map((file) => `json-schema/${file}`).sort()).toEqual(Object.keys(files).filter((path) => path.startsWith('json-schema/')).sort());
  });

  it(`include the v1 snapshot as it stands (else ${REGENERATE})`, () => {
    expect(readFileSync(join(generated, V1_SNAPSHOT_FILE), 'utf8')).toBe(renderV1Snapshot());
  });
});

/** @asyncapi/parser validates the committed document, in a child process (it is heavy), bounded. */
function parseAsyncApi(path: string): Promise<{ valid: boolean; problems: string[] }> {
  const script = `
    const { Parser } = require('@asyncapi/parser');
    new Parser().parse(require('node:fs').readFileSync(process.argv[1], 'utf8')).then(({ document, diagnostics }) => {
      // Severity 0 is an error, 1 a warning; 2 and 3 are hints (e.g. "3.1.0 exists").
      const problems = diagnostics.filter((d) => d.severity <= 1).map((d) => d.code + ' at ' + d.path.join('/') + ': ' + d.message);
      process.stdout.write(JSON.stringify({ valid: document !== undefined, problems }));
    });`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script, path], { cwd: root, timeout: 45_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as { valid: boolean; problems: string[] }),
    );
  });
}

describe('the AsyncAPI document', () => {
  it('is valid AsyncAPI 3 according to @asyncapi/parser, with no errors or warnings', async () => {
    await expect(parseAsyncApi(join(generated, 'asyncapi.json'))).resolves.toEqual({ valid: true, problems: [] });
  });

  it('has a channel for every topic, dead-letter topics included, behind SCRAM-SHA-512', () => {
    const document = asyncApiDocument() as { channels: Record<string, { address: string }>; servers: Record<string, { security: unknown[] }> };
    expect(Object.values(document.channels).map((channel) => channel.address)).toEqual(ALL_TOPICS);
    expect(document.servers['local']?.security).toEqual([{ $ref: '#/components/securitySchemes/scramSha512' }]);
  });

  it('describes the municipal messages without any health field', () => {
    const { components } = asyncApiDocument() as { components: { messages: Record<string, unknown> } };
    const municipal = Object.entries(components.messages).filter(([name]) => name.startsWith('municipal.'));
    expect(municipal.length).toBeGreaterThan(10);
    for (const field of ['workCapacityLimitation', '"reason"', '"rate"', 'REHABILITATION']) expect(JSON.stringify(municipal)).not.toContain(field);
    expect(JSON.stringify(components.messages['wellbeing.ClientReferredToWellbeingService'])).toContain('workCapacityLimitation');
  });
});
