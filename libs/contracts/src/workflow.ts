/**
 * The contracts a workflow may import: messages and activity types only. The full barrel
 * (`@polku/contracts`) also builds the zod integration schemas, and a workflow bundle evaluates
 * its imports once per cached workflow: through the barrel that cost ~2.6 MB per open path.
 */
export {
  applyPathCommandUpdate,
  getPathStateQuery,
  PathFailureTypes,
  type AppendEventsInput,
  type AppendOutcome,
  type LoadedPath,
  type LoadPathInput,
  type ServicePathActivities,
  type ServicePathInput,
  type StaffNotification,
  type StoredEvent,
} from './service-path.messages';
export type { ServicePathWorkflow } from './path-workflow';
export { APPLIED_COMMANDS_KEPT, appliedCommandsOf, IDEMPOTENCY_WINDOW_MS, rememberCommand, type AppliedCommand, type AppliedCommands } from './applied-commands';
