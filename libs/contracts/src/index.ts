export { ALL_TOPICS, deadLetterTopicOf, Topics, type TopicName } from './topics';
export {
  PATH_TASK_QUEUE,
  pathWorkflowId,
  StartPathRequestSchema,
  type PathActivities,
  type PathStartedResult,
  type StartPathInput,
  type StartPathRequest,
} from './path.messages';
export {
  applyPathCommandUpdate,
  getPathStateQuery,
  PathFailureTypes,
  type AppendEventsInput,
  type ServicePathActivities,
  type ServicePathInput,
  type StaffNotification,
  type StoredEvent,
} from './service-path.messages';
