import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBounded } from './run-bounded';

// schemathesis ends with a pytest-style banner; CI takes the last such line for the run's verdict.
const BANNER = '============================= 3 warnings in 21.40s =============================';

describe('runBounded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'polku-run-bounded-'));
  let written: string[];
  let spy: jest.SpyInstance;

  beforeEach(() => {
    written = [];
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(chunk.toString());
      return true;
    });
  });

  afterEach(() => spy.mockRestore());

  it("keeps a tool's output in its log file and off our stdout unless asked to echo it", async () => {
    const logPath = join(dir, 'quiet.log');
    const outcome = await runBounded('bash', ['-c', `echo "${BANNER}"`], { cwd: dir, timeoutMs: 10_000, graceMs: 1_000, logPath });
    expect(outcome).toEqual({ code: 0, signal: null });
    expect(written.join('')).not.toContain(BANNER);
    expect(readFileSync(logPath, 'utf8')).toBe(`${BANNER}\n`);
  });

  it('echoes the output as well when asked (npm run test:api-fuzz on its own)', async () => {
    const logPath = join(dir, 'echoed.log');
    await runBounded('bash', ['-c', 'echo hello'], { cwd: dir, timeoutMs: 10_000, graceMs: 1_000, logPath, echo: true });
    expect(written.join('')).toContain('hello\n');
    expect(readFileSync(logPath, 'utf8')).toBe('hello\n');
  });

  it('interrupts a command that outlives its limit', async () => {
    const outcome = await runBounded('sleep', ['30'], { cwd: dir, timeoutMs: 200, graceMs: 5_000, logPath: join(dir, 'slow.log') });
    expect(outcome.stopped).toBe('interrupted');
    expect(outcome.signal).toBe('SIGINT');
  });
});
