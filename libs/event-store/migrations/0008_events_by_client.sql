-- Finds a client's paths by reference (erasure checks the client was served in the admin's
-- area) without reading every event.
CREATE INDEX events_path_started_by_client ON events ((data->>'clientReference')) WHERE event_type = 'PathStarted';
