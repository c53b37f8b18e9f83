export { ensureAppLogins, type AppLogin } from './app-logins';
export { ActivePathClaimedError, appendToStream, ConcurrencyError, EventIdConflictError, OUTBOX_CHANNEL, type ActivePathClaim, type AppendOptions, type AppendResult, type NewEvent } from './append';
export { loadMigrations, migrate, MigrationError, MIGRATIONS_DIR, type MigrateOptions, type Migration } from './migrate';
export { createPool } from './pool';
export { checkpointOf, readAll, readStream, readStreams, START, type Checkpoint, type RecordedEvent } from './read';
export { RECORDED_EVENT_COLUMNS } from './recorded-event-columns';
export { foldPath, toPathEvent } from './path-stream';
export { answerableAreaOf, employmentAreaOf } from './stream-facts';
export { inTransaction } from './transaction';
