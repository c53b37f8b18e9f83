export { ensureAppLogins, type AppLogin } from './app-logins';
export { appendToStream, ConcurrencyError, EventIdConflictError, OUTBOX_CHANNEL, type AppendOptions, type AppendResult, type NewEvent } from './append';
export { loadMigrations, migrate, MigrationError, MIGRATIONS_DIR, type MigrateOptions, type Migration } from './migrate';
export { createPool } from './pool';
export { checkpointOf, readAll, readStream, START, type Checkpoint, type RecordedEvent } from './read';
export { foldPath, toPathEvent } from './path-stream';
export { inTransaction } from './transaction';
