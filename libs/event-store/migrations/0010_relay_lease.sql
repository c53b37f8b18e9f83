-- Relay leadership as a lease with a fencing token (apps/relay, docs/relay.md). Unlike a
-- session-bound advisory lock, a lease ends by time: a paused or cut-off leader loses it, and
-- every takeover raises `epoch`, so the outbox only takes marks from the current holder.
-- Expiry is judged by this server's clock (now()), the one clock every replica shares.
CREATE TABLE relay_lease (
  name        text         PRIMARY KEY,
  holder      text         NOT NULL,
  epoch       bigint       NOT NULL CHECK (epoch > 0),
  expires_at  timestamptz  NOT NULL
);

-- Dead-letter records `npm run dlq:replay` has put back, so a second run replays none of them.
-- A record is known by its position and its broker timestamp: a Kafka log recreated from empty
-- (local data is disposable) starts at offset 0 again, and those are other records.
CREATE TABLE dlq_replays (
  topic             text         NOT NULL,
  partition         integer      NOT NULL,
  record_offset     bigint       NOT NULL,
  record_timestamp  bigint       NOT NULL,
  event_id          text,
  replayed_at       timestamptz  NOT NULL DEFAULT now(),
  PRIMARY KEY (topic, partition, record_offset, record_timestamp)
);
