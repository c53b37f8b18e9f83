import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addTotals, jestTotals, totalsLine } from './test-totals';

describe('the totals line of npm test', () => {
  it("sums every project's jest run and the fuzz cases into one line", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'polku-totals-')), 'summary.jsonl');
    writeFileSync(file, '{"project":"a","passed":10,"failed":1,"skipped":2}\n{"project":"b","passed":5,"failed":0,"skipped":0}\n');
    const fuzz = { passed: 2877, failed: 0, skipped: 0 };
    expect(totalsLine(addTotals(jestTotals(file), fuzz))).toBe('tests: 2892 passed, 1 failed, 2 skipped');
  });

  it('counts nothing when no jest run wrote its totals', () => {
    expect(totalsLine(jestTotals(join(tmpdir(), 'polku-no-such-summary.jsonl')))).toBe('tests: 0 passed, 0 failed, 0 skipped');
  });
});
