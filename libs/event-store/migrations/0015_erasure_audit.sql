-- Who erased which client, when, for which area and why (docs/erasure.md): one row for every
-- erasure request the API carried out, written in the erasure's own transaction, so there is no
-- erasure without its record. It holds the client reference, which after the erasure leads to
-- nobody, and never the identity code or its fingerprint. Append-only: the trigger refuses any
-- change or removal, whoever asks.
CREATE TABLE erasure_audit (
  audit_id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recorded_at       timestamptz  NOT NULL DEFAULT now(),
  client_reference  text         NOT NULL CHECK (client_reference ~ '^cref_[a-z0-9]{16,40}$'),
  -- The erasure's time; a repeated request (first_erasure false) records the first one's.
  erased_at         timestamptz  NOT NULL,
  first_erasure     boolean      NOT NULL,
  actor_user_id     text         NOT NULL,
  actor_role        text         NOT NULL,
  -- The admin's area; client_area the area answerable for the client (NULL: registered, no path).
  employment_area   text         NOT NULL,
  client_area       text,
  requested_by      text         NOT NULL CHECK (requested_by IN ('CLIENT_REFERENCE', 'IDENTITY_CODE')),
  reason            text         NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
  correlation_id    text
);
CREATE INDEX erasure_audit_by_client ON erasure_audit (client_reference);

CREATE FUNCTION erasure_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'erasure_audit is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER erasure_audit_no_change BEFORE UPDATE OR DELETE ON erasure_audit
  FOR EACH ROW EXECUTE FUNCTION erasure_audit_is_append_only();
CREATE TRIGGER erasure_audit_no_truncate BEFORE TRUNCATE ON erasure_audit
  FOR EACH STATEMENT EXECUTE FUNCTION erasure_audit_is_append_only();

-- The API only adds rows (0012_app_roles: a new table gets its grants where it is created).
GRANT INSERT ON erasure_audit TO polku_api;
