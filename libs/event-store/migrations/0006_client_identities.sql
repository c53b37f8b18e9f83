-- The personal identity code, held only here and only encrypted (DOMAIN.md "Identity and
-- personal data"); everything else knows the client by the pseudonymous client reference.
-- blind_index (HMAC of the code) finds an existing client without decrypting every row.
-- Erasure nulls every secret column at once: the row then only says that this reference
-- existed and when it was erased, and the same code registers afresh under a new reference.
CREATE TABLE client_identities (
  client_reference  text         PRIMARY KEY CHECK (client_reference ~ '^cref_[a-z0-9]{16,40}$'),
  blind_index       bytea        UNIQUE CHECK (octet_length(blind_index) = 32),
  wrapped_key       bytea        CHECK (octet_length(wrapped_key) = 32),
  key_iv            bytea        CHECK (octet_length(key_iv) = 12),
  key_tag           bytea        CHECK (octet_length(key_tag) = 16),
  code_ciphertext   bytea        CHECK (octet_length(code_ciphertext) = 11),
  code_iv           bytea        CHECK (octet_length(code_iv) = 12),
  code_tag          bytea        CHECK (octet_length(code_tag) = 16),
  created_at        timestamptz  NOT NULL DEFAULT now(),
  erased_at         timestamptz,
  CONSTRAINT client_identities_held_or_erased CHECK (
    (erased_at IS NULL AND num_nulls(blind_index, wrapped_key, key_iv, key_tag, code_ciphertext, code_iv, code_tag) = 0)
    OR (erased_at IS NOT NULL AND num_nonnulls(blind_index, wrapped_key, key_iv, key_tag, code_ciphertext, code_iv, code_tag) = 0)
  )
);
