// SQLite through better-sqlite3: WAL, one writer at a time, prepared statements cached.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PrimitiveValueListNode, SqliteDialect, sql, type Expression, type SelectQueryBuilder, type SqliteDatabase } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/sqlite';
import { valuesList, type Dialect, type StorageKind } from './dialect.js';
import { BACKSTOP_PAGES, startCheckpointer, type Checkpointer } from './sqlite-checkpointer.js';

const STATEMENT_CACHE_SIZE = 500;
/** SQLite allows 32,766 bound variables per statement; stay well under. */
const MAX_BULK_VARIABLES = 30_000;

/**
 * better-sqlite3 compiles a statement on every `prepare`; Kysely prepares on every query.
 * Caching prepared statements by SQL text removes that cost from every request.
 */
function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text); // re-insert: the Map's order is the LRU order
      } else {
        statement = database.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement as never;
    },
  };
}

export interface SqliteConnection {
  kysely: Kysely<any>;
  dialect: Dialect;
  /** The driver, for bulk loads and backups. */
  raw: BetterSqlite3.Database;
  /** Present when WAL checkpoints run in a worker thread (a `server`). */
  checkpointer?: Checkpointer;
}

export interface SqliteOptions {
  /**
   * A long-running server: the write-ahead log is checkpointed in a worker thread instead of
   * inside the commit that fills it (`sqlite-checkpointer.ts`), so no request waits for one, and
   * the planner's statistics are brought up to date at open (`PRAGMA optimize`).
   */
  server?: boolean;
}

/**
 * Opens (creating if needed) an SQLite database file.
 * @example const { kysely, dialect } = openSqlite('./data/rapport.db');
 */
export function openSqlite(path: string, options: SqliteOptions = {}): SqliteConnection {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('cache_size = -65536'); // 64 MiB
  raw.pragma('temp_store = MEMORY');
  const checkpointer = options.server && path !== ':memory:' ? startCheckpointer(path) : undefined;
  // 0x10002: look at every table, analysing those whose statistics are missing or stale.
  if (options.server) raw.pragma('optimize = 0x10002');
  const autocheckpointPages = checkpointer ? BACKSTOP_PAGES : 1000;
  raw.pragma(`wal_autocheckpoint = ${autocheckpointPages}`);
  const kysely = new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  let elementAlias = 0;

  const dialect: Dialect = {
    name: 'sqlite',
    columnTypes: { text: 'text', integer: 'integer', float: 'real', boolean: 'integer', json: 'text' },

    async transaction(db, work) {
      return db.connection().execute(async (connection) => {
        await sql`begin immediate`.execute(connection);
        try {
          const result = await work(connection);
          await sql`commit`.execute(connection);
          return result;
        } catch (error) {
          if (raw.inTransaction) await sql`rollback`.execute(connection);
          throw error;
        }
      });
    },

    forUpdate(query) {
      return query; // BEGIN IMMEDIATE already holds the write lock for the whole transaction
    },

    toDb(value: unknown, kind: StorageKind) {
      if (value === undefined || value === null) return null;
      if (kind === 'boolean') return value ? 1 : 0;
      if (kind === 'json') return JSON.stringify(value);
      return value;
    },

    fromDb(value: unknown, kind: StorageKind) {
      if (value === null || value === undefined) return null;
      if (kind === 'boolean') return value === 1 || value === true;
      if (kind === 'json') return typeof value === 'string' ? JSON.parse(value) : value;
      return value;
    },

    jsonGet(column: Expression<unknown>, key: string, kind: StorageKind) {
      const path = `$.${key}`;
      return kind === 'json' ? sql`(${column} -> ${sql.lit(path)})` : sql`json_extract(${column}, ${sql.lit(path)})`;
    },

    jsonWithout(column: Expression<unknown>, key: string) {
      return sql`json_remove(${column}, ${sql.lit(`$.${key}`)})`;
    },

    jsonElements(array: Expression<unknown>) {
      const alias = `e${++elementAlias % 1000}`;
      return sql`(select ${sql.ref(`${alias}.value`)} as value from json_each(${array}) as ${sql.id(alias)})`;
    },

    jsonArrayFrom(query: SelectQueryBuilder<any, any, any>) {
      return jsonArrayFrom(query);
    },

    likeIgnoringAsciiCase(value: Expression<unknown>, pattern: string) {
      return sql<boolean>`(${value} like ${pattern} escape '\\')`;
    },

    typedValues(rows, kinds) {
      return valuesList(rows.map((row) => PrimitiveValueListNode.create(row.map((value, i) => dialect.toDb(value, kinds[i])))));
    },

    isUniqueViolation(error: unknown) {
      const code = (error as { code?: string } | null)?.code;
      return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
    },

    async prepareForBulkLoad() {
      raw.pragma('cache_size = -524288');
      raw.pragma('wal_autocheckpoint = 65536');
      raw.transaction(() => {
        const indexes = raw.prepare("select name, sql from sqlite_master where type = 'index' and sql is not null and sql not like 'CREATE UNIQUE %' and tbl_name <> 'deferred_indexes'").all() as { name: string; sql: string }[];
        const remember = raw.prepare('insert or ignore into deferred_indexes (name, definition) values (?, ?)');
        for (const { name, sql } of indexes) {
          remember.run(name, sql);
          raw.exec(`drop index "${name.replaceAll('"', '""')}"`);
        }
      }).immediate();
    },

    async finishBulkLoad() {
      const known = raw.prepare("select 1 from sqlite_master where type = 'table' and name = 'deferred_indexes'").get();
      if (!known) return;
      const pending = raw.prepare('select name, definition from deferred_indexes order by name').all() as { name: string; definition: string }[];
      const forget = raw.prepare('delete from deferred_indexes where name = ?');
      // One index per transaction: a rebuild that dies keeps the rest recorded.
      for (const { name, definition } of pending) raw.transaction(() => {
        raw.exec(definition);
        forget.run(name);
      }).immediate();
      // The planner's statistics, gathered in full once the rows are in: without them SQLite
      // guesses, and at a million people it walked a whole table in created_at order to list one
      // company's people (4–15 s) instead of taking the company index (10 ms). About a minute
      // at that size, against the half hour of the load.
      if (pending.length > 0) {
        raw.pragma('analysis_limit = 0');
        raw.exec('analyze');
      }
      raw.pragma('cache_size = -65536');
      raw.pragma(`wal_autocheckpoint = ${autocheckpointPages}`);
    },

    async scan(query, onRow) {
      const { sql: text, parameters } = query.compile();
      // Not the statement cache: a statement being iterated cannot run again until it is done.
      for (const values of raw.prepare(text).raw(true).iterate(...parameters)) onRow(values as unknown[]);
    },

    async bulkInsert(table, columns, rows) {
      if (rows.length === 0) return;
      const perStatement = Math.max(1, Math.floor(MAX_BULK_VARIABLES / columns.length));
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const head = `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) values `;
      const prepare = (count: number) => raw.prepare(head + Array.from({ length: count }, () => tuple).join(', '));
      const full = prepare(Math.min(perStatement, rows.length));
      raw.transaction(() => {
        for (let start = 0; start < rows.length; start += perStatement) {
          const chunk = rows.slice(start, start + perStatement);
          const statement = chunk.length === perStatement || chunk.length === rows.length ? full : prepare(chunk.length);
          statement.run(chunk.flat() as unknown[]);
        }
      }).immediate();
    },

    async close() {
      await checkpointer?.stop();
      await kysely.destroy();
    },
  };
  return { kysely, dialect, raw, checkpointer };
}
