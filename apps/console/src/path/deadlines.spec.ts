import type { ScheduledItemView, TimelineEntry } from '@polku/contracts';
import { newestFirst, nextDueFirst } from './deadlines';

const item = (itemId: string, dueAt: string, rule = 'JOB-SEARCH-DISCUSSION'): ScheduledItemView => ({
  itemId,
  rule,
  kind: 'REMINDER',
  subject: 'path',
  dueOn: dueAt.slice(0, 10),
  dueAt,
  notify: 'COACH',
});

describe('nextDueFirst', () => {
  it('orders by due time, then by rule', () => {
    const items = [item('late', '2026-04-01T06:00:00Z'), item('tie-b', '2026-01-20T06:00:00Z', 'B'), item('tie-a', '2026-01-20T06:00:00Z', 'A')];
    expect(nextDueFirst(items).map((d) => d.itemId)).toEqual(['tie-a', 'tie-b', 'late']);
  });
});

describe('newestFirst', () => {
  it('orders by stream version, newest first', () => {
    const entry = (version: number): TimelineEntry => ({
      type: 'PathStarted',
      occurredAt: '2026-01-05T08:00:00Z',
      version,
      actor: { userId: 'intake.laine', role: 'intake' },
      details: {},
    });
    expect(newestFirst([entry(1), entry(3), entry(2)]).map((e) => e.version)).toEqual([3, 2, 1]);
  });
});
