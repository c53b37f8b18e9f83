import { isFiringEvent, type ScheduledItem } from '@polku/domain';
import type { PoolClient } from 'pg';
import { occurredAt, type ProjectedEvent, type Projection } from './projection-contract';

type Status = 'PENDING' | 'FIRED';

/**
 * Every reminder, deadline and escalation of every path with its state: pending, fired or
 * cancelled. Feeds the upcoming and overdue views of the staff API.
 */
export const deadlinesProjection: Projection = {
  name: 'deadlines',
  tables: ['deadlines'],
  async apply(client, event) {
    if (isFiringEvent(event)) return upsertAll(client, event, [event.data.item], 'FIRED');
    switch (event.type) {
      case 'DeadlinesScheduled':
        return upsertAll(client, event, event.data.items, 'PENDING');
      // A resume moves every pending item later by the paused time; the event lists them all.
      case 'PathResumed':
        return upsertAll(client, event, event.data.rescheduled, 'PENDING');
      case 'ScheduledItemsCancelled':
        return cancel(client, event, event.data.itemIds, event.data.reason);
      default:
        return undefined;
    }
  },
};

/**
 * Inserts or overwrites the items' rows (one statement for the whole list) unless a row already
 * took in this stream version or a later one. A firing upserts too: the row is right even if its
 * scheduling event was parked. Missing fields fail the NOT NULL constraints: the event is parked.
 */
async function upsertAll(client: PoolClient, event: ProjectedEvent, items: readonly ScheduledItem[], status: Status): Promise<void> {
  const fired = status === 'FIRED';
  await client.query(
    `INSERT INTO deadlines (path_id, item_id, rule, kind, subject, due_on, due_at, notify, status, fired_at, fired_by, cancel_reason, version)
     SELECT $1, i.id, i.rule, i.kind, i.subject, i."dueOn"::date, i."dueAt"::timestamptz, i.notify, $3, $4::timestamptz, $5, NULL, $2
       FROM jsonb_to_recordset($6::jsonb) AS i(id text, rule text, kind text, subject text, "dueOn" text, "dueAt" text, notify text)
     ON CONFLICT (path_id, item_id) DO UPDATE SET
       rule = EXCLUDED.rule, kind = EXCLUDED.kind, subject = EXCLUDED.subject, due_on = EXCLUDED.due_on, due_at = EXCLUDED.due_at,
       notify = EXCLUDED.notify, status = EXCLUDED.status, fired_at = EXCLUDED.fired_at, fired_by = EXCLUDED.fired_by,
       cancel_reason = NULL, version = EXCLUDED.version
     WHERE deadlines.version < EXCLUDED.version`,
    [event.streamId, event.streamVersion, status, fired ? occurredAt(event) : null, fired ? event.type : null, JSON.stringify(items)],
  );
}

async function cancel(client: PoolClient, event: ProjectedEvent, itemIds: readonly string[], reason: string): Promise<void> {
  await client.query(
    `UPDATE deadlines SET status = 'CANCELLED', cancel_reason = $4, version = $2
      WHERE path_id = $1 AND item_id = ANY($3::text[]) AND status = 'PENDING' AND version < $2`,
    [event.streamId, event.streamVersion, itemIds, reason],
  );
}
