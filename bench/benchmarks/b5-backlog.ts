import { evolve, initialPathState, type PathState } from '@polku/domain';
import { toPathEvent, type RecordedEvent } from '@polku/event-store';
import { pathStartEvents } from '@polku/testing';
import type { Pool } from 'pg';
import { translateForKafka } from '../../apps/relay/src/translation';
import { pathIdOf } from '../support/paths';

/** Paths per INSERT statement while filling the backlog (about five events each). */
const PATHS_PER_STATEMENT = 200;
export const BACKLOG_TAG = 'b5000000';

/**
 * The backlog: real path events (decided by the domain, as pathStartEvents does for tests) with
 * their outbox rows, written in bulk, which is set-up and not measured. Each path's rows are
 * numbered in version order, as appends number them. Answers the events written.
 */
export async function fillBacklog(pool: Pool, paths: number): Promise<number> {
  let written = 0;
  for (let first = 0; first < paths; first += PATHS_PER_STATEMENT) {
    const rows = Array.from({ length: Math.min(PATHS_PER_STATEMENT, paths - first) }, (_, i) => first + i).flatMap((index) => {
      const streamId = pathIdOf(BACKLOG_TAG, index);
      return pathStartEvents(streamId, index, { interview: true }).map((event, v) => ({ stream_id: streamId, stream_version: v + 1, event_id: event.eventId, event_type: event.type, data: event.data, metadata: event.metadata ?? {} }));
    });
    await pool.query(
      `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(stream_id text, stream_version integer, event_id uuid, event_type text, data jsonb, metadata jsonb)),
            stored AS (INSERT INTO events (stream_id, stream_version, event_id, event_type, data, metadata)
                       SELECT stream_id, stream_version, event_id, event_type, data, metadata FROM input ORDER BY stream_id, stream_version RETURNING event_id)
       INSERT INTO outbox (event_id, stream_id, stream_version)
       SELECT i.event_id, i.stream_id, i.stream_version FROM input i JOIN stored s USING (event_id) ORDER BY i.stream_id, i.stream_version`,
      [JSON.stringify(rows)],
    );
    written += rows.length;
  }
  return written;
}

/** Rows earlier benchmarks left unsent are marked sent, so the backlog is B5's alone. Answers how many. */
export async function setAsideEarlierRows(pool: Pool): Promise<number> {
  const { rowCount } = await pool.query('UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL');
  return rowCount ?? 0;
}

/** The same backlog again for the second side: unsent, no attempts; dead rows vacuumed away. */
export async function resetBacklog(pool: Pool): Promise<void> {
  await pool.query("UPDATE outbox SET sent_at = NULL, attempts = 0, last_error = NULL WHERE stream_id LIKE $1", [`${BACKLOG_TAG}-%`]);
  await pool.query('VACUUM ANALYZE outbox');
}

export interface BacklogState {
  readonly unsent: number;
  readonly parked: number;
  /** The last row's sent_at, ms since the epoch. */
  readonly lastSentAt: number;
}

export async function backlogState(pool: Pool): Promise<BacklogState> {
  const { rows } = await pool.query<{ unsent: number; parked: number; last: string | null }>(
    `SELECT count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent, count(*) FILTER (WHERE last_error IS NOT NULL)::int AS parked,
            extract(epoch FROM max(sent_at)) * 1000 AS last
       FROM outbox WHERE stream_id LIKE $1`,
    [`${BACKLOG_TAG}-%`],
  );
  const row = rows[0];
  return { unsent: row?.unsent ?? -1, parked: row?.parked ?? -1, lastSentAt: Number(row?.last ?? Number.NaN) };
}

/**
 * What the relay must publish for the backlog, topic by topic: every backlog path has the same
 * events, so one path translated (folded as the relay folds it) times the paths.
 */
export function expectedMessages(paths: number): Map<string, number> {
  const streamId = pathIdOf(BACKLOG_TAG, 0);
  const counts = new Map<string, number>();
  let state: PathState = initialPathState;
  pathStartEvents(streamId, 0, { interview: true }).forEach((event, index) => {
    const recorded: RecordedEvent = { globalPosition: '0', transactionId: '0', streamId, streamVersion: index + 1, eventId: event.eventId, type: event.type, schemaVersion: 1, data: event.data, metadata: event.metadata ?? {}, recordedAt: new Date().toISOString() };
    state = evolve(state, toPathEvent(recorded));
    for (const message of translateForKafka(recorded, state)) counts.set(message.topic, (counts.get(message.topic) ?? 0) + paths);
  });
  return counts;
}
