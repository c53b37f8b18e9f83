import { deadLetterTopicOf, Topics } from '@polku/contracts';
import { ConfigResourceTypes, type Admin, type Kafka } from 'kafkajs';
import { withAdmin } from './admin';

export interface TopicSpec {
  readonly topic: string;
  readonly numPartitions: number;
  /** 1 on the local single-node broker; 3 on a replicated cluster. */
  readonly replicationFactor: number;
  /** Topic-level settings that win over the broker's defaults (`retention.ms`, …). */
  readonly configs?: Readonly<Record<string, string>>;
}

/** Partitions per topic; the key is the path id, so one path's events stay in one partition. */
export const DEFAULT_PARTITIONS = 6;

const DAY_MS = 24 * 3600 * 1000;

/**
 * How long each kind of topic keeps its records (docs/consumers.md, "Retention"):
 * - audience topics forever: a consumer rebuilds its read model from offset 0, so a deleted
 *   segment is history lost for every rebuild after it. Not compacted either: the key is the path
 *   id, and compaction keeps only a path's latest event, while every event is needed.
 * - dead-letter topics 90 days: an operator queue, not history. The original stays on its audience
 *   topic (or in the outbox, for the relay's), and 90 days outlast a Finnish summer holiday.
 * Both set `retention.bytes` and `cleanup.policy` too, so no broker default can cut them short.
 */
export const RETENTION = {
  audience: { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1' },
  deadLetter: { 'cleanup.policy': 'delete', 'retention.ms': String(90 * DAY_MS), 'retention.bytes': '-1' },
} as const;

/** Where the topics live: the local single broker (1) or a replicated cluster (3). */
export interface Topology {
  readonly replicationFactor: number;
}

/**
 * Every topic the project owns with its partitions and settings: the one place each topology
 * (`npm start`, the compose file's broker, a replicated cluster) takes them from. With three
 * replicas a write needs two in sync (acks=all), so one broker may be down without losing data.
 */
export function projectTopics(topology: Topology): TopicSpec[] {
  const minInSync = String(topology.replicationFactor >= 3 ? 2 : 1);
  const spec = (topic: string, retention: Readonly<Record<string, string>>): TopicSpec => ({
    topic,
    numPartitions: DEFAULT_PARTITIONS,
    replicationFactor: topology.replicationFactor,
    configs: { ...retention, 'min.insync.replicas': minInSync },
  });
  return Object.values(Topics).flatMap((topic) => [spec(topic, RETENTION.audience), spec(deadLetterTopicOf(topic), RETENTION.deadLetter)]);
}

/**
 * Creates the topics that do not exist yet, with their settings, and returns their names. Safe
 * to run at every start: existing topics are left as they are (see ensureTopicConfigs).
 */
export async function ensureTopics(kafka: Kafka, specs: readonly TopicSpec[]): Promise<string[]> {
  return withAdmin(kafka, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({
          topic: spec.topic,
          numPartitions: spec.numPartitions,
          replicationFactor: spec.replicationFactor,
          configEntries: configEntriesOf(spec),
        })),
      });
    }
    return missing.map((spec) => spec.topic);
  });
}

/**
 * Brings existing topics to their declared settings and returns the names it changed; a topic
 * already there is not touched, so this is idempotent. The AlterConfigs request replaces a
 * topic's whole set of overrides, so a changed topic ends with exactly its declared ones.
 */
export async function ensureTopicConfigs(kafka: Kafka, specs: readonly TopicSpec[]): Promise<string[]> {
  const declared = specs.filter((spec) => spec.configs !== undefined && Object.keys(spec.configs).length > 0);
  if (declared.length === 0) return [];
  return withAdmin(kafka, async (admin) => {
    const current = await topicConfigs(admin, declared.map((spec) => spec.topic));
    const drifted = declared.filter((spec) => Object.entries(spec.configs ?? {}).some(([name, value]) => current.get(spec.topic)?.get(name) !== value));
    if (drifted.length > 0) {
      await admin.alterConfigs({
        validateOnly: false,
        resources: drifted.map((spec) => ({
          type: ConfigResourceTypes.TOPIC,
          name: spec.topic,
          configEntries: configEntriesOf(spec),
        })),
      });
    }
    return drifted.map((spec) => spec.topic);
  });
}

/** A spec's settings as the admin API's config entries. */
function configEntriesOf(spec: TopicSpec): { name: string; value: string }[] {
  return Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value }));
}

/** Each topic's effective settings (its own overrides, or the broker's defaults), by name. */
export async function topicConfigs(admin: Admin, topics: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })) });
  return new Map(resources.map((resource) => [resource.resourceName, new Map(resource.configEntries.map((entry) => [entry.configName, entry.configValue]))]));
}
