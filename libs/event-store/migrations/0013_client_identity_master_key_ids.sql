-- Master keys are versioned (docs/erasure.md): a held row records the id of the master key that
-- wrapped its client key and keyed its blind index, so `npm run keys:rotate` re-wraps only what
-- is not under the current key, and readers take the right key while it runs. NULL on a held
-- row: wrapped before ids were recorded (readers try every configured key; the rotation gives
-- it the current id). An erased row holds no key, so no id either.
ALTER TABLE client_identities
  ADD COLUMN master_key_id text CHECK (master_key_id ~ '^[A-Za-z0-9._-]{1,32}$'),
  ADD CONSTRAINT client_identities_erased_without_key_id CHECK (erased_at IS NULL OR master_key_id IS NULL);
