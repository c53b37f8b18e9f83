export { ALL_TOPICS, deadLetterTopicOf, Topics, type TopicName } from './topics';
export { PATH_TASK_QUEUE, pathWorkflowId, SERVICE_PATH_WORKFLOW, type ServicePathWorkflow } from './path-workflow';
export * from './staff-api';
export { ACCESSIBILITY_AUDIT_FILE, type AuditReport, type AuditViolation, type KeyboardResult } from './accessibility-audit';
export * from './workflow';
export {
  AUDIENCE_TOPICS,
  AUDIENCES,
  CLOUD_EVENT_CONTENT_TYPE,
  CLOUD_EVENT_SOURCE,
  CloudEventSchema,
  cloudEventSchema,
  cloudEventType,
  dataSchemaUri,
  type Audience,
  type CloudEvent,
} from './integration/cloud-event';
export { INTEGRATION_EVENT_NAMES, INTEGRATION_EVENTS_V1, envelopeSchemaV1, type IntegrationEventData, type IntegrationEventName } from './integration/events.v1';
export { AUDIENCE_TABLE, type Gate, type Route } from './integration/audience-table';
export { translationContextOf, type TranslationContext } from './integration/translation-context';
export { IntegrationContractError, translate, translateStream, type IntegrationMessage, type StoredDomainEvent } from './integration/translator';
export { DEAD_LETTER_HEADERS } from './integration/dead-letter';
export { asyncApiDocument } from './integration/asyncapi';
export { breakingChanges } from './integration/compatibility';
export { jsonSchemasV1, type JsonSchema } from './integration/json-schemas';
export { GENERATED_DIR, renderContractFiles, renderV1Snapshot, V1_SNAPSHOT_FILE } from './integration/contract-files';
