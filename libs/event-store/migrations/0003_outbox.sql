-- Transactional outbox: one row per stored event, written in the append's transaction.
-- The relay publishes unsent rows in outbox_id order and marks them sent after the broker acks.
CREATE TABLE outbox (
  outbox_id       bigserial    PRIMARY KEY,
  event_id        uuid         NOT NULL UNIQUE REFERENCES events (event_id),
  stream_id       text         NOT NULL,
  stream_version  integer      NOT NULL,
  created_at      timestamptz  NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  attempts        integer      NOT NULL DEFAULT 0,
  last_error      text
);
CREATE INDEX outbox_unsent ON outbox (outbox_id) WHERE sent_at IS NULL;

-- Readers of the global log order by (transaction_id, global_position).
CREATE INDEX events_by_transaction ON events (transaction_id, global_position);
