import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judgeNoRights } from './no-rights';

const har = (statuses: readonly [string, string, number][]) => {
  const file = join(mkdtempSync(join(tmpdir(), 'polku-har-')), 'anonymous.har');
  writeFileSync(file, JSON.stringify({ log: { entries: statuses.map(([method, path, status]) => ({ request: { method, url: `http://127.0.0.1:3000${path}` }, response: { status } })) } }));
  return file;
};

describe('the no-rights fuzz verdict', () => {
  it('passes each refusal and fails each answer that tells more', () => {
    const verdict = judgeNoRights(har([['GET', '/paths', 401], ['POST', '/paths/x/exit', 403], ['GET', '/paths/x', 404], ['POST', '/paths', 400], ['GET', '/kpis', 200]]));
    expect(verdict.totals).toEqual({ passed: 3, failed: 2, skipped: 0 });
    expect(verdict.offenders).toEqual(['POST /paths → 400', 'GET /kpis → 200']);
  });
});
