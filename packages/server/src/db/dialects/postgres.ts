// PostgreSQL through pg: a pool, COPY for bulk loads, jsonb for custom fields.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { Kysely, PostgresDialect, PrimitiveValueListNode, sql, ValueListNode, type Expression, type SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { from as copyFrom } from 'pg-copy-streams';
import { valuesList, type Dialect, type StorageKind } from './dialect.js';

// int8 and numeric arrive as strings by default; ours hold counts, versions and money in minor
// units, all within 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** Rows a cursor reads at a time in `scan`. */
const SCAN_BATCH = 10_000;

/** Text compared by code point, as SQLite's BINARY collation does. */
const TEXT = sql`text collate "C"`;

/** Types for CAST, per storage kind (the collation of text is added after the cast). */
const CAST_TYPES: Record<StorageKind, ReturnType<typeof sql.raw>> = {
  text: sql.raw('text'), integer: sql.raw('bigint'), float: sql.raw('double precision'), boolean: sql.raw('boolean'), json: sql.raw('jsonb'),
};

export interface PostgresConnection {
  kysely: Kysely<any>;
  dialect: Dialect;
  pool: pg.Pool;
}

/**
 * Connects a pool to a PostgreSQL database.
 * @example const { kysely, dialect } = openPostgres('postgres://postgres@127.0.0.1:5432/rapport');
 */
export function openPostgres(url: string, poolSize = 10): PostgresConnection {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const kysely = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  let elementAlias = 0;

  const dialect: Dialect = {
    name: 'postgres',
    columnTypes: { text: TEXT, integer: 'bigint', float: 'double precision', boolean: 'boolean', json: 'jsonb' },

    async transaction(db, work) {
      return db.transaction().execute(work);
    },

    forUpdate(query) {
      return query.forUpdate() as typeof query;
    },

    toDb(value: unknown, kind: StorageKind) {
      if (value === undefined || value === null) return null;
      if (kind === 'json') return JSON.stringify(value);
      return value;
    },

    fromDb(value: unknown) {
      return value === undefined ? null : value;
    },

    jsonGet(column: Expression<unknown>, key: string, kind: StorageKind) {
      const text = sql`(${column} ->> ${sql.lit(key)})`;
      switch (kind) {
        case 'json': return sql`(${column} -> ${sql.lit(key)})`;
        case 'integer':
        case 'float': return sql`${text}::numeric`;
        case 'boolean': return sql`${text}::boolean`;
        default: return sql`(${text} collate "C")`;
      }
    },

    jsonWithout(column: Expression<unknown>, key: string) {
      return sql`(${column} - ${sql.lit(key)})`;
    },

    jsonElements(array: Expression<unknown>, kind: StorageKind) {
      const alias = sql.id(`e${++elementAlias % 1000}`);
      const value = kind === 'integer' || kind === 'float' ? sql`${alias}.value::numeric` : sql`${alias}.value collate "C"`;
      return sql`(select ${value} as value from jsonb_array_elements_text(${array}) as ${alias}(value))`;
    },

    jsonArrayFrom(query: SelectQueryBuilder<any, any, any>) {
      return jsonArrayFrom(query);
    },

    likeIgnoringAsciiCase(value: Expression<unknown>, pattern: string) {
      // lower() under the "C" collation folds A–Z only, as SQLite's LIKE does.
      return sql<boolean>`(lower((${value})::text collate "C") like lower((${pattern})::text collate "C") escape '\\')`;
    },

    typedValues(rows, kinds) {
      // The columns of a VALUES list take one type from all its rows: casts in the first row type
      // the parameters of the others.
      const [first, ...rest] = rows.map((row) => row.map((value, i) => dialect.toDb(value, kinds[i])));
      const typed = first.map((value, i) => sql`cast(${value} as ${CAST_TYPES[kinds[i]]})${kinds[i] === 'text' ? sql` collate "C"` : sql``}`.toOperationNode());
      return valuesList([ValueListNode.create(typed), ...rest.map((row) => PrimitiveValueListNode.create(row))]);
    },

    isUniqueViolation(error: unknown) {
      return (error as { code?: string } | null)?.code === '23505';
    },

    async prepareForBulkLoad() {
      // COPY needs nothing more; the server's own memory settings apply.
    },

    async finishBulkLoad() {
      // Nothing was deferred.
    },

    async scan(query, onRow) {
      const { sql: text, parameters } = query.compile();
      const client = await pool.connect();
      try {
        const cursor = client.query(new Cursor(text, [...parameters], { rowMode: 'array' }));
        for (;;) {
          const rows = await cursor.read(SCAN_BATCH);
          for (const values of rows) onRow(values as unknown[]);
          if (rows.length < SCAN_BATCH) break;
        }
        await cursor.close();
      } finally {
        client.release();
      }
    },

    async bulkInsert(table, columns, rows) {
      if (rows.length === 0) return;
      const client = await pool.connect();
      try {
        const target = client.query(
          copyFrom(`copy "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) from stdin with (format csv)`),
        );
        // Strings are quoted, so '' stays an empty string; null is an unquoted empty field, NULL to COPY.
        const csv = stringify({ quoted_string: true, cast: { boolean: (value) => (value ? 'true' : 'false') } });
        await pipeline(Readable.from(rows), csv, target);
      } finally {
        client.release();
      }
    },

    async close() {
      await kysely.destroy();
    },
  };
  return { kysely, dialect, pool };
}
