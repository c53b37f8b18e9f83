import type { Deadline, PathDetail, TimelineEntry } from '../api/api.types';

/** Pending items only (the API may also list fired or cancelled ones), the next one first. */
export function pendingNextFirst(deadlines: readonly Deadline[]): readonly Deadline[] {
  return deadlines
    .filter((item) => item.status === undefined || item.status === 'PENDING')
    .slice()
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.rule.localeCompare(b.rule));
}

/** Newest event first: what just happened is what the coach looks for. */
export function newestFirst(timeline: readonly TimelineEntry[]): readonly TimelineEntry[] {
  return timeline
    .slice()
    .sort((a, b) => (b.version ?? 0) - (a.version ?? 0) || b.occurredAt.localeCompare(a.occurredAt));
}

/**
 * The path's deadlines: `deadlines` as docs/staff-api.md has it, else `path.pendingItems`, where
 * the API (and every command answer) serves them.
 */
export function deadlinesOf(detail: Pick<PathDetail, 'deadlines' | 'path'>): readonly Deadline[] {
  return detail.deadlines ?? detail.path.pendingItems ?? [];
}
