-- The one-active-path rule across an erasure (docs/erasure.md). client_active_paths knows a
-- client by reference, and an erased code registered again would get a new reference:
-- 1. An erased client whose path is still active keeps a keyed fingerprint of the code here
--    (HMAC-SHA256 under POLKU_IDENTITY_FINGERPRINT_KEY; never the code). The vault answers a new
--    registration of that code with the erased reference, which the rule then refuses. The
--    fingerprint goes in the transaction that exits the path: kept no longer than it is needed.
-- 2. An erased reference never becomes active again (its exited paths are not reopened): it
--    leads to nobody now, and a returning person registers anew. Otherwise a reopened old path
--    and a new one could be two active paths of one person.
-- Both triggers run in the transaction that starts, reopens or exits a path, like the rule, and
-- lock the identity row the erasure locks (FOR UPDATE), so an erasure never interleaves with
-- them. SECURITY DEFINER with a fixed search path: the worker's role needs no rights on the vault.
CREATE TABLE erased_client_guards (
  client_reference  text         PRIMARY KEY REFERENCES client_identities (client_reference) ON DELETE CASCADE,
  fingerprint       bytea        NOT NULL CHECK (octet_length(fingerprint) = 32),
  created_at        timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX erased_client_guards_by_fingerprint ON erased_client_guards (fingerprint);

CREATE FUNCTION refuse_erased_client_activation() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  erased boolean;
BEGIN
  -- FOR SHARE waits for an erasure in flight, then sees its outcome.
  SELECT erased_at IS NOT NULL INTO erased FROM client_identities WHERE client_reference = NEW.client_reference FOR SHARE;
  -- Skipping the row, not raising: the append reads it as "the client already has an active
  -- path", a conflict that rolls the events back without wedging the path's workflow.
  IF erased THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION drop_erased_client_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  PERFORM 1 FROM client_identities WHERE client_reference = OLD.client_reference FOR SHARE;
  DELETE FROM erased_client_guards WHERE client_reference = OLD.client_reference;
  RETURN OLD;
END $$;

-- The schema these were created in, then pg_temp last: a session's temporary table cannot stand in.
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION refuse_erased_client_activation() SET search_path = %I, pg_temp', current_schema());
  EXECUTE format('ALTER FUNCTION drop_erased_client_guard() SET search_path = %I, pg_temp', current_schema());
END $$;

CREATE TRIGGER client_active_paths_refuse_erased BEFORE INSERT ON client_active_paths
  FOR EACH ROW EXECUTE FUNCTION refuse_erased_client_activation();
CREATE TRIGGER client_active_paths_drop_erased_guard AFTER DELETE ON client_active_paths
  FOR EACH ROW EXECUTE FUNCTION drop_erased_client_guard();

-- The API finds and writes guards and checks which clients have an active path (0012_app_roles:
-- a new table gets its grants where it is created). The triggers run as the owner.
GRANT SELECT, INSERT ON erased_client_guards TO polku_api;
GRANT SELECT ON client_active_paths TO polku_api;
