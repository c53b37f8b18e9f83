import { ApplicationFailure } from '@temporalio/activity';
import {
  appliedCommandsOf,
  PathFailureTypes,
  type AppendEventsInput,
  type AppendOutcome,
  type LoadedPath,
  type LoadPathInput,
  type ServicePathActivities,
  type StaffNotification,
} from '@polku/contracts';
import { ActivePathClaimedError, appendToStream, ConcurrencyError, EventIdConflictError, foldPath, type ActivePathClaim, type NewEvent } from '@polku/event-store';
import type { Pool } from 'pg';

export interface ServicePathActivityDeps {
  readonly pool: Pool;
}


export function createServicePathActivities(deps: ServicePathActivityDeps): ServicePathActivities {
  return {
    async appendEvents(input: AppendEventsInput): Promise<AppendOutcome> {
      const events: NewEvent[] = input.events.map((event) => ({ eventId: event.eventId, type: event.type, data: event.data, metadata: { ...event.metadata } }));
      const commandId = input.events[0]?.metadata.commandId;
      try {
        const { duplicateOf } = await appendToStream(deps.pool, input.streamId, input.expectedVersion, events, {
          ...(commandId === undefined ? {} : { commandId }),
          claims: claimsOf(input),
          notifications: input.notifications ?? [],
        });
        return duplicateOf === undefined ? { appended: true } : { appended: false, duplicateOf };
      } catch (error) {
        throw toFailure(error);
      }
    },

    async loadPath(input: LoadPathInput): Promise<LoadedPath> {
      const { state, events } = await foldPath(deps.pool, input.streamId, input.toVersion === undefined ? {} : { to: input.toVersion });
      return { state, commands: appliedCommandsOf(events, input.now) };
    },

    /** Histories before local appends notified in an activity of its own; they still replay it. */
    async notifyStaff(notification: StaffNotification): Promise<void> {
      await appendToStream(deps.pool, notification.pathId, 0, [], { notifications: [notification] }).catch((error: unknown) => {
        throw toFailure(error);
      });
    },
  };
}

/**
 * The one-active-path rule's rows the events take or release (DOMAIN.md "The path"): a start
 * takes its client's, a reopening takes it again, an exit releases it. Each applies only when
 * its event is written now, in the append's transaction.
 */
function claimsOf(input: AppendEventsInput): ActivePathClaim[] {
  return input.events.flatMap((event): ActivePathClaim[] => {
    if (event.type === 'PathStarted') return [{ eventId: event.eventId, take: event.data.clientReference }];
    if (event.type === 'PathReopened' && input.clientReference !== undefined) return [{ eventId: event.eventId, take: input.clientReference }];
    if (event.type === 'PathExited') return [{ eventId: event.eventId, release: true }];
    return [];
  });
}

function toFailure(error: unknown): unknown {
  if (error instanceof ActivePathClaimedError) {
    return ApplicationFailure.create({ type: PathFailureTypes.clientHasActivePath, message: 'The client already has an active service path.', nonRetryable: true });
  }
  if (error instanceof ConcurrencyError) {
    return ApplicationFailure.create({ type: PathFailureTypes.versionConflict, message: error.message, nonRetryable: true });
  }
  // The same id with other content: a retry writes the same again, so it can never succeed.
  if (error instanceof EventIdConflictError) {
    return ApplicationFailure.create({ type: PathFailureTypes.eventIdConflict, message: error.message, nonRetryable: true });
  }
  // SQLSTATE class 22 (data exception, e.g. a NUL character jsonb cannot hold): retrying the
  // same events can never succeed and would wedge the path's handler, so the command fails.
  if (typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('22')) {
    return ApplicationFailure.create({ type: PathFailureTypes.unstorable, message: 'The event store cannot hold this command’s data.', nonRetryable: true });
  }
  return error;
}
