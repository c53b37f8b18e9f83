import type { Kafka } from 'kafkajs';

export interface TopicSpec {
  readonly topic: string;
  readonly numPartitions: number;
  /** 1 on the local single-node broker; 3 on a replicated cluster. */
  readonly replicationFactor: number;
}

/** Partitions per topic; the key is the path id, so one path's events stay in one partition. */
export const DEFAULT_PARTITIONS = 6;

/**
 * Creates the topics that do not exist yet and returns their names. Safe to run at every start:
 * existing topics are left as they are.
 */
export async function ensureTopics(kafka: Kafka, specs: readonly TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({
          topic: spec.topic,
          numPartitions: spec.numPartitions,
          replicationFactor: spec.replicationFactor,
        })),
      });
    }
    return missing.map((spec) => spec.topic);
  } finally {
    await admin.disconnect();
  }
}
