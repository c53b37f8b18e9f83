import type { Deadline, TimelineEntry } from '../api/api.types';
import { deadlinesOf, newestFirst, pendingNextFirst } from './deadlines';

const item = (itemId: string, dueAt: string, status?: string): Deadline => ({
  itemId,
  rule: 'JOB-SEARCH-DISCUSSION',
  kind: 'REMINDER',
  dueOn: dueAt.slice(0, 10),
  dueAt,
  ...(status ? { status } : {}),
});

describe('pendingNextFirst', () => {
  it('lists pending items only, the next due first', () => {
    const items = [item('late', '2026-04-01T06:00:00Z'), item('fired', '2026-01-01T06:00:00Z', 'FIRED'), item('soon', '2026-01-20T06:00:00Z', 'PENDING')];
    expect(pendingNextFirst(items).map((d) => d.itemId)).toEqual(['soon', 'late']);
  });
});

describe('newestFirst', () => {
  it('orders by stream version, newest first', () => {
    const entry = (version: number): TimelineEntry => ({ type: 'PathStarted', occurredAt: '2026-01-05T08:00:00Z', version });
    expect(newestFirst([entry(1), entry(3), entry(2)]).map((e) => e.version)).toEqual([3, 2, 1]);
  });
});

describe('deadlinesOf', () => {
  const path = { pathId: 'p1', status: 'ACTIVE', stage: 'INTAKE', municipality: 'Tampere', coachId: 'c', registeredOn: '2026-01-05' } as const;

  it('takes the documented deadlines when the answer has them', () => {
    expect(deadlinesOf({ deadlines: [item('a', '2026-01-09T06:00:00Z')], path: { ...path, pendingItems: [item('b', '2026-01-09T06:00:00Z')] } }).map((d) => d.itemId)).toEqual(['a']);
  });

  it("falls back to the path's pending items, then to none", () => {
    expect(deadlinesOf({ path: { ...path, pendingItems: [item('b', '2026-01-09T06:00:00Z')] } }).map((d) => d.itemId)).toEqual(['b']);
    expect(deadlinesOf({ path })).toEqual([]);
  });
});
