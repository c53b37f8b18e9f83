-- A minimal read model for the consumer library's own tests: per path, how many events and the
-- latest sequence applied. Unqualified names, like every consumer's migrations.
CREATE TABLE processed_events (
  event_id uuid PRIMARY KEY,
  processed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE seen (
  path_id text PRIMARY KEY,
  events integer NOT NULL,
  last_sequence integer NOT NULL
);
