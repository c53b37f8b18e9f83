export { createKafka, type KafkaLog, type KafkaSettings } from './client';
export { DEFAULT_PARTITIONS, ensureTopics, type TopicSpec } from './topics';
