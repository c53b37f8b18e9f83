-- Idempotency-Key on the staff API's POSTs: the first answer to a (user, key) is kept and
-- replayed for a retry with the same request; another request under the same key is refused.
-- status/body are NULL while the first request is still being handled.
CREATE TABLE idempotency_keys (
  user_id       text         NOT NULL,
  key           text         NOT NULL,
  request_hash  text         NOT NULL,
  status        integer,
  body          jsonb,
  created_at    timestamptz  NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
