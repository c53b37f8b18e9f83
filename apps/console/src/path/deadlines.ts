import type { ScheduledItemView, TimelineEntry } from '@polku/contracts';

/** The path's pending items, the next one due first. */
export function nextDueFirst(items: readonly ScheduledItemView[]): readonly ScheduledItemView[] {
  return items.slice().sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.rule.localeCompare(b.rule));
}

/** Newest event first: what just happened is what the coach looks for. */
export function newestFirst(timeline: readonly TimelineEntry[]): readonly TimelineEntry[] {
  return timeline.slice().sort((a, b) => b.version - a.version);
}
