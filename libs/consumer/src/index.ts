export { EventConsumer, RebuildInProgressError, runConsumer, type ConsumerLog, type ConsumerSpec, type ConsumerStatus, type EventHandler } from './event-consumer';
export { parseIntegrationEvent, type IntegrationEvent, type Parsed, type Poison } from './integration-event';
export { deadLetterOf } from './dead-letter';
export { RebuildProgress, type RebuildStatus } from './rebuild-progress';
export { assertIdentifier, createSchemaPool } from './schema-pool';
export { failureCode, isTransient } from './transient';
export { databaseUp, healthOf, startConsumerApp, type ConsumerApp, type ConsumerAppSpec } from './consumer-app';
export { AudienceConsumerModule, AudienceConsumerOptions, AudienceConsumerRunner } from './nest/audience-consumer.module';
export { bootstrapAudienceConsumer } from './nest/bootstrap';
