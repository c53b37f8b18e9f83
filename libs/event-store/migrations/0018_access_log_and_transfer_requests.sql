-- Who looked up or read which client, when and why (ASVS V7: a read-access log). Append-only for
-- the API: it may insert and count its own entries, never change or delete them. No identity
-- code is ever written here, only the pseudonymous client reference.
CREATE TABLE access_log (
  access_id         bigserial    PRIMARY KEY,
  at                timestamptz  NOT NULL DEFAULT now(),
  user_id           text         NOT NULL,
  role              text         NOT NULL,
  employment_area   text         NOT NULL,
  action            text         NOT NULL CHECK (action IN ('IDENTITY_LOOKUP', 'PATH_READ')),
  client_reference  text,
  path_id           text,
  purpose           text         NOT NULL
);
CREATE INDEX access_log_by_user ON access_log (user_id, action, at);
CREATE INDEX access_log_by_client ON access_log (client_reference, at);

-- A client registered in one area while another holds their active path: the holding area is
-- asked to transfer them (close its path, e.g. MOVED_AWAY); the requester then registers again.
CREATE TABLE transfer_requests (
  transfer_request_id  uuid         PRIMARY KEY,
  client_reference     text         NOT NULL,
  path_id              text         NOT NULL,
  holding_area         text         NOT NULL,
  requesting_area      text         NOT NULL,
  municipality         text         NOT NULL,
  requested_by         text         NOT NULL,
  requested_at         timestamptz  NOT NULL DEFAULT now(),
  UNIQUE (path_id, requesting_area)
);
CREATE INDEX transfer_requests_by_holder ON transfer_requests (holding_area, requested_at DESC);

GRANT SELECT, INSERT ON access_log TO polku_api;
GRANT USAGE ON SEQUENCE access_log_access_id_seq TO polku_api;
GRANT SELECT, INSERT ON transfer_requests TO polku_api;
GRANT SELECT ON client_active_paths TO polku_api;
