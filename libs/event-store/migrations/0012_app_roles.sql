-- Least privilege (docs/security.md): one role per app, granted only what its code touches.
-- The owner (whoever runs migrations) keeps everything; no app logs in as it. The roles are
-- created NOLOGIN: logging in with a password is the deployment's to allow (locally npm start
-- does, with dev passwords: ensureAppLogins). Roles are cluster-wide and this file also runs in
-- other databases on the server (tests' throw-away ones), so a role that exists is kept.
-- A new table gets its grants in the migration that creates it (app-roles.int.spec.ts checks).
DO $$
DECLARE
  name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['polku_api', 'polku_worker', 'polku_relay', 'polku_municipal_consumer', 'polku_wellbeing_consumer'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', name);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- created meanwhile by a migration of another database
      END;
    END IF;
  END LOOP;
END $$;

-- Only the roles below may even resolve names in public: a consumer cannot reach events.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO polku_api, polku_worker, polku_relay;

-- The API reads paths (folded from events), read models and notifications, keeps idempotent
-- answers and holds the identity vault. It never writes events: commands go through Temporal.
GRANT SELECT ON events TO polku_api;
GRANT SELECT ON path_summaries, deadlines, kpi_path_facts, coach_caseloads, upcoming_deadlines,
  overdue_deadlines, kpi_path_months, kpi_monthly, kpi_exits_by_outcome, kpi_job_search_discussions TO polku_api;
GRANT SELECT, UPDATE (read_at) ON notifications TO polku_api;
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO polku_api;
GRANT SELECT, INSERT, UPDATE ON client_identities TO polku_api;

-- The worker's activities append events with their outbox rows, keep the one-active-path table
-- and store staff notifications (ON CONFLICT (notification_id) needs to read that column).
GRANT SELECT, INSERT ON events TO polku_worker;
GRANT INSERT ON outbox TO polku_worker;
GRANT USAGE ON SEQUENCE events_global_position_seq, outbox_outbox_id_seq TO polku_worker;
GRANT SELECT, INSERT, DELETE ON client_active_paths TO polku_worker;
GRANT INSERT, SELECT (notification_id) ON notifications TO polku_worker;

-- The relay publishes the outbox under its lease, replays dead letters (npm run dlq:replay) and
-- runs the projections. Rebuilding them (TRUNCATE) is the owner's: npm run projections:rebuild.
GRANT SELECT ON events TO polku_relay;
GRANT SELECT, UPDATE (sent_at, attempts, last_error) ON outbox TO polku_relay;
GRANT SELECT, INSERT, UPDATE ON relay_lease TO polku_relay;
GRANT SELECT, INSERT ON dlq_replays TO polku_relay;
GRANT SELECT, INSERT, UPDATE ON path_summaries, deadlines, kpi_path_facts, projection_checkpoints, projection_parked TO polku_relay;

-- Each downstream consumer owns its schema (it runs its own migrations there at start-up) and
-- has nothing in public. Schemas an earlier consumer made as the owner are handed over.
DO $$
DECLARE
  audience record;
  relation record;
BEGIN
  FOR audience IN SELECT * FROM (VALUES ('municipal', 'polku_municipal_consumer'), ('wellbeing', 'polku_wellbeing_consumer')) AS a (schema_name, role_name) LOOP
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', audience.schema_name);
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', audience.schema_name, audience.role_name);
    -- Tables and views first: their indexes and owned sequences follow them.
    FOR relation IN SELECT relname FROM pg_class WHERE relnamespace = audience.schema_name::regnamespace AND relkind IN ('r', 'p', 'v', 'm') LOOP
      EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', audience.schema_name, relation.relname, audience.role_name);
    END LOOP;
    FOR relation IN SELECT relname FROM pg_class WHERE relnamespace = audience.schema_name::regnamespace AND relkind = 'S' AND relowner <> audience.role_name::regrole LOOP
      EXECUTE format('ALTER SEQUENCE %I.%I OWNER TO %I', audience.schema_name, relation.relname, audience.role_name);
    END LOOP;
  END LOOP;
END $$;
