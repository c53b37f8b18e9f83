-- The event store's core table. One row per domain event; a stream is one service path.
-- (stream_id, stream_version) orders a stream; event_id makes appends idempotent.
CREATE TABLE events (
  global_position  bigserial    PRIMARY KEY,
  stream_id        text         NOT NULL,
  stream_version   integer      NOT NULL CHECK (stream_version > 0),
  event_id         uuid         NOT NULL UNIQUE,
  event_type       text         NOT NULL,
  schema_version   integer      NOT NULL DEFAULT 1,
  data             jsonb        NOT NULL,
  metadata         jsonb        NOT NULL DEFAULT '{}'::jsonb,
  recorded_at      timestamptz  NOT NULL DEFAULT now(),
  transaction_id   xid8         NOT NULL DEFAULT pg_current_xact_id(),
  UNIQUE (stream_id, stream_version)
);
