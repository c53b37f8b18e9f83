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
  type StoredEvent,
} from '@polku/contracts';
import { appendToStream, ConcurrencyError, EventIdConflictError, foldPath, type NewEvent } from '@polku/event-store';
import type { Pool, PoolClient } from 'pg';

export interface ServicePathActivityDeps {
  readonly pool: Pool;
}

/** Raised inside the append transaction; rolls the whole append back. */
class ClientHasActivePath extends Error {}

export function createServicePathActivities(deps: ServicePathActivityDeps): ServicePathActivities {
  return {
    async appendEvents(input: AppendEventsInput): Promise<AppendOutcome> {
      const events: NewEvent[] = input.events.map((event) => ({ eventId: event.eventId, type: event.type, data: event.data, metadata: { ...event.metadata } }));
      const commandId = input.events[0]?.metadata.commandId;
      try {
        const { duplicateOf } = await appendToStream(deps.pool, input.streamId, input.expectedVersion, events, {
          ...(commandId === undefined ? {} : { commandId }),
          beforeCommit: (client, written) => trackActivePath(client, input.streamId, input.events.filter((event) => written.some((w) => w.eventId === event.eventId))),
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

    async notifyStaff(notification: StaffNotification): Promise<void> {
      await deps.pool.query(
        `INSERT INTO notifications (notification_id, path_id, employment_area, recipient, recipient_user_id, rule, kind, due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (notification_id) DO NOTHING`,
        [
          notification.notificationId,
          notification.pathId,
          notification.employmentArea,
          notification.recipient,
          notification.recipientUserId ?? null,
          notification.rule,
          notification.kind,
          notification.dueAt,
        ],
      );
    },
  };
}

/** Keeps `client_active_paths` in step with the path's lifecycle events, in the same transaction. */
async function trackActivePath(client: PoolClient, pathId: string, events: readonly StoredEvent[]): Promise<void> {
  for (const event of events) {
    if (event.type === 'PathExited') await client.query('DELETE FROM client_active_paths WHERE path_id = $1', [pathId]);
    if (event.type !== 'PathStarted' && event.type !== 'PathReopened') continue;
    const clientReference = event.type === 'PathStarted' ? event.data.clientReference : await referenceOf(client, pathId);
    const { rowCount } = await client.query(
      'INSERT INTO client_active_paths (client_reference, path_id) VALUES ($1, $2) ON CONFLICT (client_reference) DO NOTHING',
      [clientReference, pathId],
    );
    if (rowCount === 0) throw new ClientHasActivePath();
  }
}

async function referenceOf(client: PoolClient, pathId: string): Promise<string> {
  const { rows } = await client.query<{ reference: string }>(
    "SELECT data->>'clientReference' AS reference FROM events WHERE stream_id = $1 AND event_type = 'PathStarted'",
    [pathId],
  );
  return rows[0]?.reference ?? '';
}

function toFailure(error: unknown): unknown {
  if (error instanceof ClientHasActivePath) {
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
