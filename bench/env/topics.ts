import { projectTopics, type TopicSpec } from '@polku/kafka';
import type { Kafka } from 'kafkajs';
import { bounded } from '../support/limits';

const ADMIN_CALL_WITHIN_MS = 30_000;
const PROJECT_PREFIX = 'polku.';

/**
 * The run's own topics: the project's topics under a run prefix, so the relay under test
 * publishes where no live consumer reads, and a raw topic for the baselines. Created and
 * deleted by the run.
 */
export class BenchTopics {
  readonly prefix: string;
  readonly raw: string;

  constructor(runId: string) {
    this.prefix = `polku.bench.${runId}.`;
    this.raw = `${this.prefix}raw.v1`;
  }

  specs(): TopicSpec[] {
    const project = projectTopics({ replicationFactor: 1 }).map((spec) => ({ ...spec, topic: renameTopic(this.prefix, spec.topic) }));
    const [first] = project;
    return first ? [...project, { ...first, topic: this.raw }] : project;
  }

  async create(kafka: Kafka): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const topics = this.specs().map((spec) => ({ topic: spec.topic, numPartitions: spec.numPartitions, replicationFactor: spec.replicationFactor }));
      await bounded(admin.createTopics({ waitForLeaders: true, topics }), ADMIN_CALL_WITHIN_MS, 'creating the bench topics');
    } finally {
      await admin.disconnect();
    }
  }

  async delete(kafka: Kafka): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const topics = this.specs().map((spec) => spec.topic).filter((topic) => existing.has(topic));
      if (topics.length > 0) await bounded(admin.deleteTopics({ topics, timeout: ADMIN_CALL_WITHIN_MS }), ADMIN_CALL_WITHIN_MS, 'deleting the bench topics');
    } finally {
      await admin.disconnect();
    }
  }

  /** Messages on `topic` so far: the sum of its partitions' high watermarks (the topics are the run's own). */
  static async messagesOn(kafka: Kafka, topics: readonly string[]): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const offsets = await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
      return offsets.flat().reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
    } finally {
      await admin.disconnect();
    }
  }
}

/** `polku.servicepath.events.v1` → `polku.bench.<run>.servicepath.events.v1`. */
export function renameTopic(prefix: string, topic: string): string {
  return `${prefix}${topic.startsWith(PROJECT_PREFIX) ? topic.slice(PROJECT_PREFIX.length) : topic}`;
}
