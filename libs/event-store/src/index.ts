export { appendToStream, ConcurrencyError, type AppendOptions, type AppendResult, type NewEvent } from './append';
export { loadMigrations, migrate, MigrationError, MIGRATIONS_DIR, type Migration } from './migrate';
export { createPool } from './pool';
