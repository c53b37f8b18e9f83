import type { Admin } from 'kafkajs';
import { RebuildError } from './rebuild-error';

/** A partition and its end offset (the offset the next record will get). */
export interface PartitionEnd {
  readonly partition: number;
  readonly end: number;
}

/** The topic's end offsets now. */
export async function topicEnds(admin: Admin, topic: string): Promise<PartitionEnd[]> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.map(({ partition, high }) => ({ partition, end: Number(high) }));
}

/**
 * The topic's end offsets, if every partition still starts at offset 0. A partition whose log
 * starts later has lost its oldest records (retention, or deleted records): a read model rebuilt
 * from it would silently miss those events, so the rebuild is refused instead.
 */
export async function wholeHistoryEnds(admin: Admin, topic: string): Promise<PartitionEnd[]> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const truncated = offsets.find(({ low }) => Number(low) > 0);
  if (truncated !== undefined) {
    throw new RebuildError(
      'REBUILD.HISTORY_INCOMPLETE',
      `Topic ${topic} no longer starts at offset 0 (partition ${truncated.partition} starts at ${truncated.low}): its oldest events were deleted, ` +
        'so a rebuild would lose them. Nothing was changed; the live read model stays as it is.',
    );
  }
  return offsets.map(({ partition, high }) => ({ partition, end: Number(high) }));
}

/** A group's committed offsets on the topic, by partition (0 where it has none). */
export async function committedOffsets(admin: Admin, groupId: string, topic: string): Promise<Map<number, number>> {
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return new Map((committed?.partitions ?? []).map(({ partition, offset }) => [partition, Math.max(0, Number(offset))]));
}
