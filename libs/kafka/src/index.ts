export { CONSUMER_GROUP_PREFIXES, ensureAcls, type AclChanges, type AclPrincipal, type AclUsers } from './acls';
export { withAdmin } from './admin';
export { CLIENT_RETRY, createKafka, type KafkaLog, type KafkaSettings } from './client';
export { DEFAULT_PARTITIONS, ensureTopicConfigs, ensureTopics, projectTopics, RETENTION, topicConfigs, type TopicSpec, type Topology } from './topics';
