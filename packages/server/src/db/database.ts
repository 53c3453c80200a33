// Opening the database, running migrations, and the only ways modules get a query handle:
// scoped to a workspace (`forWorkspace`), or the typed `system` handle for global tables.
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Config } from '../config.js';
import type { Dialect } from './dialects/dialect.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite, type SqliteOptions } from './dialects/sqlite.js';
import { MIGRATIONS } from './migrations/index.js';
import { WorkspaceScopePlugin } from './scope.js';
import type { SystemTables } from './system-tables.js';

export interface Database {
  readonly dialect: Dialect;
  /** Global tables (workspaces, users) and credential lookup; typed so record tables are out of reach. */
  readonly system: Kysely<SystemTables>;
  /** A handle whose every query is scoped to the workspace. */
  forWorkspace(workspaceId: string): Kysely<any>;
  /** Brings the schema up to date; returns the names of the migrations it ran. */
  migrate(): Promise<string[]>;
  /** Checks the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the configured database (not yet migrated).
 * @example const database = openDatabase(loadConfig()); await database.migrate();
 */
export function openDatabase(config: Pick<Config, 'databaseKind' | 'databaseUrl' | 'sqlitePath'>, options: SqliteOptions = {}): Database {
  const { kysely, dialect } = config.databaseKind === 'sqlite' ? openSqlite(config.sqlitePath!, options) : openPostgres(config.databaseUrl);
  return createDatabase(kysely, dialect);
}

function createDatabase(kysely: Kysely<any>, dialect: Dialect): Database {
  const provider: MigrationProvider = {
    async getMigrations() {
      const migrations: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(MIGRATIONS)) {
        migrations[name] = { up: (db) => migration.up({ db, dialect }) };
      }
      return migrations;
    },
  };
  return {
    dialect,
    system: kysely as Kysely<SystemTables>,
    forWorkspace: (workspaceId) => kysely.withPlugin(new WorkspaceScopePlugin(workspaceId)),
    async migrate() {
      const { error, results } = await new Migrator({ db: kysely, provider }).migrateToLatest();
      if (error) throw error;
      // A bulk load that died left indexes to rebuild.
      await dialect.finishBulkLoad();
      return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
    },
    async ping() {
      await kysely.selectFrom('workspaces').select('id').limit(1).execute();
    },
    close: () => dialect.close(),
  };
}
