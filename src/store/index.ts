/**
 * The store adapter, shared by the Forge backend and the sandbox. Drivers are imported from their own modules
 * (`./sqlite`, `./mysql`, `src/forge/sql-store`) so that a bundle only loads the one it uses.
 */
export { KyselyStore, type KyselyStoreOptions } from './kysely-store';
export { migrate, migrationStatements, type MigrationStatement } from './migrations';
export { KEY_LIMITS, type AccordDb, type SqlDialect } from './schema';
