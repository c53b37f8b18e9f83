/**
 * The one way to read a row of `events` as a RecordedEvent (read.ts, outbox-unsent.ts): select these columns from
 * `events e`. Positions and transaction ids come as text (bigint and xid8 outgrow a JS number);
 * recorded_at as ISO-8601 UTC with milliseconds, the form CloudEvents and folds expect.
 */
export const RECORDED_EVENT_COLUMNS = `e.global_position::text AS "globalPosition", e.transaction_id::text AS "transactionId",
  e.stream_id AS "streamId", e.stream_version AS "streamVersion", e.event_id::text AS "eventId", e.event_type AS "type",
  e.schema_version AS "schemaVersion", e.data, e.metadata,
  to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"`;
