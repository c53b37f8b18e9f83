import type { FaultResult } from './fault';
import { chaosTotals, faultLines, ledgerTable } from './report';

const passed: FaultResult = {
  id: 'F8',
  title: 'deploy gate',
  verdict: 'passed',
  seconds: 12,
  checks: [
    { name: 'replays', passed: true },
    { name: 'variant fails', passed: true },
  ],
  notes: [],
};

const failed: FaultResult = {
  id: 'F1',
  title: 'worker kill',
  verdict: 'failed',
  seconds: 40,
  recoverySeconds: null,
  checks: [
    { name: 'no command applied twice', passed: false, detail: '2 applied twice' },
    { name: 'no stuck path', passed: true },
  ],
  notes: [],
};

describe('the chaos report', () => {
  it('counts each check of each fault as one test, and a run that failed outright as one more failure', () => {
    expect(chaosTotals({ faults: [passed, failed] })).toEqual({ passed: 3, failed: 1, skipped: 0 });
    expect(chaosTotals({ faults: [], error: 'the stack did not come up' })).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it('prints one table row per fault, dashes where a fault has no ledger', () => {
    const [header, rule, ...rows] = ledgerTable([passed, failed]);
    expect(header).toMatch(/^fault\s+acked\s+lost\s+twice\s+kafka missing\s+dup deliveries/);
    expect(rule).toMatch(/^─+/);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^F8\s+–.*✔ pass$/);
    expect(rows[1]).toMatch(/never\s+✘ FAIL$/);
  });

  it('names what failed in the fault’s line', () => {
    expect(faultLines([passed, failed])).toEqual(['F8 ✔ deploy gate (12 s) — 2 checks passed', 'F1 ✘ worker kill (40 s) — no command applied twice: 2 applied twice']);
  });

  it('says how many commands were never acked, though that alone fails nothing', () => {
    const [line] = faultLines([{ ...passed, load: { sent: 10, acked: 9, unacked: ['chaos-f3-consent-0: 409 IDEMPOTENCY.IN_PROGRESS'] } }]);
    expect(line).toBe('F8 ✔ deploy gate (12 s) — 2 checks passed; 1 of 10 commands never acked (e.g. chaos-f3-consent-0: 409 IDEMPOTENCY.IN_PROGRESS)');
  });
});
