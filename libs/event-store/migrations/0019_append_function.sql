-- The append in one round trip (docs/event-store.md): one call does what appendToStream did in
-- five or six statements, inside the statement's own transaction. SECURITY INVOKER: it runs with
-- the caller's grants (the worker's role), nothing more.
--
-- p_events:  [{ eventId, type, data, metadata }] in stream order, written at p_expected + 1, …
-- p_command: the command id the events record, or NULL. Found at or below p_expected: the command
--            was applied before; nothing is written and its last version is answered.
-- p_claims:  [{ eventId, take?: clientReference, release?: true }]: rows of client_active_paths
--            to take or release, applied only when that event is written now.
-- p_notes:   staff notifications [{ notificationId, employmentArea, recipient, recipientUserId,
--            rule, kind, dueAt }], stored once (the id is the firing event's).
--
-- Answers {"written": [versions]} or {"duplicateOf": version}. Raises
--   23505 on events_stream_id_stream_version_key  the stream moved on (a version conflict);
--   PX001  an event id stored with other content;   PX002  the stream is not at p_expected;
--   PX003  a claim is held by another path (the client has an active path).
CREATE FUNCTION append_events(p_stream text, p_expected integer, p_events jsonb, p_command text, p_claims jsonb, p_notes jsonb)
RETURNS jsonb LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  v_duplicate integer;
  v_event jsonb;
  v_version integer := p_expected;
  v_written integer[] := '{}';
  v_written_ids uuid[] := '{}';
  v_id uuid;
BEGIN
  IF p_command IS NOT NULL THEN
    SELECT max(stream_version) INTO v_duplicate FROM events
     WHERE stream_id = p_stream AND metadata ? 'commandId' AND metadata->>'commandId' = p_command AND stream_version <= p_expected;
    IF v_duplicate IS NOT NULL THEN
      RETURN jsonb_build_object('duplicateOf', v_duplicate);
    END IF;
  END IF;
  IF p_expected > 0 AND NOT EXISTS (SELECT 1 FROM events WHERE stream_id = p_stream AND stream_version = p_expected) THEN
    RAISE EXCEPTION 'stream % is not at version %', p_stream, p_expected USING ERRCODE = 'PX002';
  END IF;
  FOR v_event IN SELECT value FROM jsonb_array_elements(p_events) LOOP
    v_version := v_version + 1;
    v_id := NULL;
    INSERT INTO events (stream_id, stream_version, event_id, event_type, data, metadata)
    VALUES (p_stream, v_version, (v_event->>'eventId')::uuid, v_event->>'type', v_event->'data', COALESCE(v_event->'metadata', '{}'::jsonb))
    ON CONFLICT (event_id) DO NOTHING
    RETURNING event_id INTO v_id;
    IF v_id IS NULL THEN
      -- A retry writes the identical event again: a no-op. The same id with other content: never.
      PERFORM 1 FROM events WHERE event_id = (v_event->>'eventId')::uuid AND stream_id = p_stream
        AND stream_version = v_version AND event_type = v_event->>'type' AND data = v_event->'data';
      IF NOT FOUND THEN
        RAISE EXCEPTION 'event id % is stored with other content', v_event->>'eventId' USING ERRCODE = 'PX001';
      END IF;
    ELSE
      INSERT INTO outbox (event_id, stream_id, stream_version) VALUES (v_id, p_stream, v_version);
      v_written := v_written || v_version;
      v_written_ids := v_written_ids || v_id;
    END IF;
  END LOOP;
  PERFORM apply_claims(p_stream, p_claims, v_written_ids);
  INSERT INTO notifications (notification_id, path_id, employment_area, recipient, recipient_user_id, rule, kind, due_at)
  SELECT (n->>'notificationId')::uuid, p_stream, n->>'employmentArea', n->>'recipient', n->>'recipientUserId', n->>'rule', n->>'kind', (n->>'dueAt')::timestamptz
    FROM jsonb_array_elements(COALESCE(p_notes, '[]'::jsonb)) AS n
  ON CONFLICT (notification_id) DO NOTHING;
  RETURN jsonb_build_object('written', to_jsonb(v_written));
END $$;

-- One active path per client (0002): taken by the event that starts or reopens a path, released
-- by its exit, in the append's transaction.
CREATE FUNCTION apply_claims(p_stream text, p_claims jsonb, p_written uuid[])
RETURNS void LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  v_claim jsonb;
  v_taken integer;
BEGIN
  FOR v_claim IN SELECT value FROM jsonb_array_elements(COALESCE(p_claims, '[]'::jsonb)) LOOP
    CONTINUE WHEN NOT ((v_claim->>'eventId')::uuid = ANY (p_written));
    IF v_claim ? 'release' THEN
      DELETE FROM client_active_paths WHERE path_id = p_stream;
    ELSE
      INSERT INTO client_active_paths (client_reference, path_id) VALUES (v_claim->>'take', p_stream)
      ON CONFLICT (client_reference) DO NOTHING;
      GET DIAGNOSTICS v_taken = ROW_COUNT;
      IF v_taken = 0 THEN
        RAISE EXCEPTION 'the client already has an active path' USING ERRCODE = 'PX003';
      END IF;
    END IF;
  END LOOP;
END $$;

GRANT EXECUTE ON FUNCTION append_events(text, integer, jsonb, text, jsonb, jsonb) TO polku_worker;
GRANT EXECUTE ON FUNCTION apply_claims(text, jsonb, uuid[]) TO polku_worker;
