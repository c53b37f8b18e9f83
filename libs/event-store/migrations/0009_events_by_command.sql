-- A staff command's events carry its id (metadata.commandId, from the request's
-- Idempotency-Key). An append of a command checks this index first, so a command repeated after
-- a continue-as-new or a restart of its workflow is recognised and never applied twice.
CREATE INDEX events_by_command ON events (stream_id, (metadata->>'commandId')) WHERE metadata ? 'commandId';
