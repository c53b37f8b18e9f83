import { ALL_TOPICS } from '@polku/contracts';
import type { KafkaTap } from './kafka-tap';

export interface TopicCounts {
  readonly expected: number;
  readonly missing: number;
  /** Raw deliveries beyond the first: the same CloudEvent id at another offset. */
  readonly duplicates: number;
  /** Events of these paths on a topic the translator does not give them to. */
  readonly unexpected: number;
}

export interface KafkaLedger extends TopicCounts {
  readonly byTopic: Readonly<Record<string, TopicCounts>>;
  readonly samples: Readonly<Record<string, readonly string[]>>;
}

/**
 * Each stored event on each topic its audiences need, exactly once after dedup by CloudEvent
 * id; raw duplicates are counted, not failed (delivery is at least once, consumers dedupe).
 */
export function kafkaLedger(publications: ReadonlyMap<string, readonly string[]>, tap: Pick<KafkaTap, 'topic'>): KafkaLedger {
  const byTopic: Record<string, TopicCounts> = {};
  const missing: string[] = [];
  const unexpected: string[] = [];
  for (const topic of ALL_TOPICS) {
    const log = tap.topic(topic);
    let counts = { expected: 0, missing: 0, duplicates: 0, unexpected: 0 };
    for (const [eventId, topics] of publications) {
      const offsets = log.get(eventId)?.size ?? 0;
      const wanted = topics.includes(topic);
      if (wanted && offsets === 0) missing.push(`${topic} ${eventId}`);
      if (!wanted && offsets > 0) unexpected.push(`${topic} ${eventId}`);
      counts = {
        expected: counts.expected + (wanted ? 1 : 0),
        missing: counts.missing + (wanted && offsets === 0 ? 1 : 0),
        duplicates: counts.duplicates + Math.max(0, offsets - 1),
        unexpected: counts.unexpected + (!wanted && offsets > 0 ? 1 : 0),
      };
    }
    if (counts.expected + counts.unexpected > 0) byTopic[topic] = counts;
  }
  const total = (pick: (counts: TopicCounts) => number): number => Object.values(byTopic).reduce((sum, counts) => sum + pick(counts), 0);
  return {
    expected: total((counts) => counts.expected),
    missing: total((counts) => counts.missing),
    duplicates: total((counts) => counts.duplicates),
    unexpected: total((counts) => counts.unexpected),
    byTopic,
    samples: { kafkaMissing: missing, kafkaUnexpected: unexpected },
  };
}
