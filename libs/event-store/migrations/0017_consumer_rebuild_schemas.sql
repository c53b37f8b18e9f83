-- A downstream consumer rebuilds its read model in a sibling schema (<schema>_rebuild) and moves
-- the finished tables over (libs/consumer: shadow-schema.ts, read-model-swap.ts), so its role
-- must be able to create that schema. CREATE on the database lets it make schemas of its own and
-- nothing more: public stays closed to it (0012_app_roles.sql), so it still reaches no table
-- but its own.
DO $$
BEGIN
  EXECUTE format('GRANT CREATE ON DATABASE %I TO polku_municipal_consumer, polku_wellbeing_consumer', current_database());
END $$;
